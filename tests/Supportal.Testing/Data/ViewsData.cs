using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Tickets written straight into the database, each shaped for one view or filter.</summary>
public sealed class ViewsData(PortalFactory portal)
{
    public int OrganizationId { get; private set; }
    public Guid RequesterId { get; private set; }
    public DateTime Now => portal.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A fresh organization (so a view filtered by it holds only this test's tickets) and requester.</summary>
    public async Task<ViewsData> StartAsync(string name)
    {
        var requester = await portal.CreateUserAsync($"{name}-{Guid.NewGuid():N}@example.com", "Rita", name);
        RequesterId = requester.Id;
        OrganizationId = await portal.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = $"{name} {Guid.NewGuid():N}"[..30] };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        return this;
    }

    public async Task<ApplicationUser> AgentAsync(string language = "en") =>
        await portal.CreateUserAsync($"agent-{Guid.NewGuid():N}@example.com", "Vera", "Viewer", language, Roles.Agent);

    public Task<int> GroupAsync(params Guid[] members) => portal.WithDbAsync(async db =>
    {
        var group = new Group { Name = $"Team {Guid.NewGuid():N}"[..13], CalendarId = 2 };
        group.Members.AddRange(members.Select(m => new GroupMember { UserId = m }));
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    public Task<long> TicketAsync(string subject, TicketStatus status = TicketStatus.Open, Guid? assignee = null, int? group = null,
        TicketPriority priority = TicketPriority.Normal, TimeSpan? created = null, TimeSpan? updated = null, TimeSpan? solved = null,
        int? assetId = null, string? tag = null, string? comment = null, Guid? requester = null) => portal.WithDbAsync(async db =>
    {
        var ticket = new Ticket
        {
            Subject = subject, Status = status, AssigneeId = assignee, GroupId = group, Priority = priority, RequesterId = requester ?? RequesterId,
            OrganizationId = OrganizationId, AssetId = assetId, Kind = assetId is null ? TicketKind.Administrative : TicketKind.Support,
            CreatedAt = Now - (created ?? TimeSpan.FromDays(1)), UpdatedAt = Now - (updated ?? TimeSpan.FromHours(1)),
            SolvedAt = solved is { } s ? Now - s : null,
        };
        if (tag is not null)
            ticket.Tags.Add(new TicketTag { Tag = tag });
        if (comment is not null)
            ticket.Comments.Add(new TicketComment { Body = comment, AuthorId = RequesterId, CreatedAt = Now });
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    });

    /// <summary>A contract of this organization at the level, running from a year ago to a year ahead; returns its one asset.</summary>
    public Task<int> ContractAsync(int level) => portal.WithDbAsync(async db =>
    {
        var today = DateOnly.FromDateTime(Now);
        var asset = new Asset { ProductId = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), CreatedAt = Now };
        db.Contracts.Add(new Contract
        {
            Number = $"V-{Guid.NewGuid():N}"[..20], ActivationKeyHash = "unused", KeyIssuedAt = Now, OrganizationId = OrganizationId,
            ServiceLevelId = level, StartsOn = today.AddYears(-1), EndsOn = today.AddYears(1), CreatedAt = Now, Assets = [asset],
        });
        await db.SaveChangesAsync();
        return asset.Id;
    });

    /// <summary>A target of the ticket; a paused one keeps only what it had left (and its breach, when breached).</summary>
    public Task SlaAsync(long ticketId, TimeSpan dueIn, TimeSpan atRiskIn, bool breached = false, bool fulfilled = false,
        SlaMetric metric = SlaMetric.Resolution, bool paused = false) => portal.WithDbAsync(async db =>
    {
        db.TicketSlas.Add(new TicketSla
        {
            TicketId = ticketId, Metric = metric, TargetSeconds = 8 * 3600, DueAt = paused ? null : Now + dueIn,
            AtRiskAt = paused ? null : Now + atRiskIn, LeftSecondsWhilePaused = paused ? (long)dueIn.TotalSeconds : null,
            BreachedAt = breached ? Now + dueIn : null, FulfilledAt = fulfilled ? Now : null,
        });
        await db.SaveChangesAsync();
        // What the tracker keeps on the ticket beside its targets.
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        ticket.SlaAtRiskAt = SlaClock.AtRiskSince(await db.TicketSlas.Where(s => s.TicketId == ticketId).ToListAsync());
        return await db.SaveChangesAsync();
    });

    public static long[] Numbers(Page page) => page.FindAll("tr[data-ticket]").Select(r => long.Parse(r.GetAttribute("data-ticket")!, CultureInfo.InvariantCulture)).ToArray();
}
