using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;

namespace Supportal.Tests.Data;

/// <summary>
/// <see cref="AppDbContext"/> raises a changed ticket's version in every save, whoever changed it and however: the
/// save finds the changes once and saves with detection off, so a version set on the entity alone would be lost.
/// </summary>
public sealed class VersionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_ticket_changed_through_its_properties_is_saved_with_its_version_raised_by_one()
    {
        var (ticket, before) = await TicketAsync("version.props@data.test", "Version by property");

        await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Tickets.SingleAsync(t => t.Id == ticket);
            tracked.Subject = "Version by property, renamed";
            return await db.SaveChangesAsync();
        });

        (await VersionAsync(ticket)).ShouldBe(before + 1);
        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket).Select(t => t.Subject).SingleAsync()))
            .ShouldBe("Version by property, renamed");
    }

    [Fact]
    public async Task A_save_leaves_change_detection_as_it_found_it_and_a_later_change_is_still_found()
    {
        var (ticket, before) = await TicketAsync("version.later@data.test", "Version twice");

        var detecting = await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Tickets.SingleAsync(t => t.Id == ticket);
            tracked.Subject = "First change";
            await db.SaveChangesAsync();
            tracked.Subject = "Second change";
            await db.SaveChangesAsync();
            return db.ChangeTracker.AutoDetectChangesEnabled;
        });

        detecting.ShouldBeTrue();
        (await VersionAsync(ticket)).ShouldBe(before + 2);
        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket).Select(t => t.Subject).SingleAsync())).ShouldBe("Second change");
    }

    [Fact]
    public async Task A_save_refused_for_a_stale_version_keeps_detection_on_and_changes_nothing()
    {
        var (ticket, before) = await TicketAsync("version.stale@data.test", "Version stale");

        var detecting = await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Tickets.SingleAsync(t => t.Id == ticket);
            tracked.Subject = "Stale change";
            db.Entry(tracked).Property(t => t.Version).OriginalValue = before - 1;
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return db.ChangeTracker.AutoDetectChangesEnabled;
        });

        detecting.ShouldBeTrue();
        (await VersionAsync(ticket)).ShouldBe(before);
    }

    /// <summary>A new ticket of a new customer's, and its version.</summary>
    private async Task<(long Id, int Version)> TicketAsync(string email, string subject)
    {
        var requester = await portal.CreateUserAsync(email);
        var ticket = await portal.CreateAsync(requester.Id, subject);
        return (ticket.Id, await VersionAsync(ticket.Id));
    }

    private Task<int> VersionAsync(long id) => portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync());
}
