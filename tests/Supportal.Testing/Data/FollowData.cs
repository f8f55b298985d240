using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Contracts;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>Requests made the way the portal makes them (through <see cref="TicketDesk"/>), for the following-side tests.</summary>
public static class FollowData
{
    /// <summary>A 1×1 PNG: detected as an image by its content.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static IFormFile File(string name, byte[] content) =>
        new FormFile(new MemoryStream(content), 0, content.Length, "Files", name) { Headers = new HeaderDictionary() };

    /// <summary>
    /// A scope whose services build e-mail links as while serving a request (mails link to the request page).
    /// </summary>
    public static IServiceScope RequestScope(this PortalFactory portal)
    {
        var scope = portal.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            Request = { Scheme = "https", Host = new HostString("localhost") },
        };
        return scope;
    }

    public static Task<Ticket> CreateAsync(this PortalFactory portal, Guid requesterId, string subject, string description = "It does not work.",
        params IFormFile[] files) =>
        portal.CreateAsync(requesterId, new NewTicket(TicketKind.Administrative, subject, description, TicketPriority.Normal), files);

    public static async Task<Ticket> CreateAsync(this PortalFactory portal, Guid requesterId, NewTicket request, params IFormFile[] files)
    {
        using var scope = portal.RequestScope();
        var services = scope.ServiceProvider;
        var requester = await services.GetRequiredService<Supportal.Data.AppDbContext>().Users.SingleAsync(u => u.Id == requesterId);
        return await services.GetRequiredService<TicketDesk>().CreateAsync(requester, request, files);
    }

    public static async Task AddCcAsync(this PortalFactory portal, long ticketId, string email, Guid byId)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        await scope.ServiceProvider.GetRequiredService<TicketDesk>().AddCcAsync(ticket, email, await db.Users.SingleAsync(u => u.Id == byId));
    }

    public static async Task<PortalClient> SignedInAsync(this PortalFactory portal, string email)
    {
        var client = portal.CreatePortalClient();
        (await client.SignInAsync(email)).Path.ShouldNotStartWith("/Account/Login");
        return client;
    }

    /// <summary>An organization with the given members (its sharing switch off, as staff leave it by default).</summary>
    public static Task<int> OrganizationAsync(this PortalFactory portal, string name, params Guid[] members) => portal.WithDbAsync(async db =>
    {
        var organization = new Organization { Name = name, CreatedAt = DateTime.UtcNow };
        organization.Members.AddRange(members.Select(m => new OrganizationMember { UserId = m, JoinedAt = DateTime.UtcNow }));
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    });

    public static Task ShareRequestsAsync(this PortalFactory portal, int organizationId, bool shares) =>
        portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(o => o.SetProperty(x => x.SharesRequests, shares)));

    /// <summary>Posts one of a page's forms to another request's address, with a valid antiforgery token.</summary>
    public static Task<Page> PostToAsync(this PortalClient client, Page page, string formSelector, string action, Dictionary<string, string> values)
    {
        var form = page.Form(formSelector);
        form.SetAttribute("action", action);
        return client.SubmitAsync(form, values, follow: false);
    }
}
