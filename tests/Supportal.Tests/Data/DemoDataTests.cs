using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Data;

public sealed class DemoDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_people_exist_once_with_their_roles_and_a_confirmed_address()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync(); // a second start adds nothing

        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.Users.CountAsync()).ShouldBe(4);
        foreach (var (email, _, _, role, _) in DemoData.Users)
        {
            var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
            user.EmailConfirmed.ShouldBeTrue();
            (await users.GetRolesAsync(user)).ShouldBe(role is null ? [] : [role]);
        }
    }

    [Fact]
    public async Task Services_are_seeded_once_in_both_languages_and_in_order()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync();

        var services = await portal.WithDbAsync(db => db.Services.OrderBy(s => s.Order).Select(s => new { s.NameEn, s.NamePl, s.Active }).ToListAsync());
        services.Select(s => (s.NameEn, s.NamePl)).ShouldBe([
            ("Customer portal", "Portal klienta"), ("E-invoicing", "E-fakturowanie"),
            ("Order management", "Zarządzanie zamówieniami"), ("Integrations API", "API integracyjne"),
        ]);
        services.ShouldAllBe(s => s.Active);
    }

    [Fact]
    public async Task The_demo_customer_has_one_request_of_each_kind_once_one_answered_and_nobody_was_mailed()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync();

        var tickets = await portal.WithDbAsync(db => db.Tickets.AsNoTracking()
            .Where(t => t.Requester.Email == "customer@example.com").OrderBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Kind, t.Status, t.Subject, Asset = t.Asset!.SerialNumber, Service = t.Service!.NameEn, t.OrganizationId,
                Fields = t.Fields.OrderBy(f => f.Order).Select(f => f.LabelEn + "=" + f.ValueEn).ToList(),
                Comments = t.Comments.OrderBy(c => c.Id).Select(c => new { c.Author.Email, c.IsPublic }).ToList(),
            }).ToListAsync());

        tickets.Select(t => t.Kind).ShouldBe([TicketKind.Administrative, TicketKind.Support, TicketKind.Service]);
        tickets[0].Id.ShouldBeGreaterThanOrEqualTo(Ticket.FirstNumber);
        var support = tickets[1];
        support.Subject.ShouldBe(DemoData.DemoSupportSubject);
        support.Asset.ShouldBe("SNT200F-0001");
        support.Fields.ShouldBe(["Serial number=SNT200F-0001", "Firmware version=7.4.2"]);
        support.Status.ShouldBe(TicketStatus.Pending);
        support.Comments.Select(c => (c.Email, c.IsPublic)).ShouldBe([("customer@example.com", true), ("agent@example.com", true)]);
        support.OrganizationId.ShouldNotBeNull();
        tickets[2].Service.ShouldBe("E-invoicing");
        tickets.Where(t => t.Kind != TicketKind.Support).ShouldAllBe(t => t.Status == TicketStatus.New && t.Comments.Count == 1);
        (await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject.StartsWith("[#")))).ShouldBeFalse();
    }
}
