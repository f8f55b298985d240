using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;

namespace Supportal.Tests.Sla;

/// <summary>Moving the fake clock to set instants and changing tickets the way the agent and customer screens do.</summary>
public static class SlaData
{
    public static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>
    /// Earlier than every instant the SLA tests set. The clock only moves forward and tests set instants in any order,
    /// so each test takes the app started again with a clock from here (<see cref="PortalFactory.StartedAt"/>).
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Moves the clock forward to the instant, given in UTC.</summary>
    public static void SetClock(this PortalFactory portal, string utc) => portal.Clock.SetUtcNow(Utc(utc));

    /// <summary>Creates a request for a new customer speaking the language, through the customer-side desk.</summary>
    public static async Task<Ticket> RequestAsync(this PortalFactory portal, string email, string language)
    {
        var user = await portal.CreateUserAsync(email, "Kim", "Customer", language);
        return await portal.CreateAsync(user.Id, "The firewall drops VPN connections");
    }

    /// <summary>An agent-side change: the ticket changed, its targets brought in line, one save.</summary>
    public static async Task ChangeAsync(this PortalFactory portal, long ticketId, Action<Ticket> change)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        change(ticket);
        await scope.ServiceProvider.GetRequiredService<SlaTracker>().UpdateAsync(ticket);
        await db.SaveChangesAsync();
    }

    public static async Task CustomerRepliesAsync(this PortalFactory portal, long ticketId)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        var requester = await db.Users.SingleAsync(u => u.Id == ticket.RequesterId);
        await scope.ServiceProvider.GetRequiredService<TicketDesk>().ReplyAsync(ticket, requester, "Still broken.", []);
    }

    public static async Task CustomerSolvesAsync(this PortalFactory portal, long ticketId)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        var requester = await db.Users.SingleAsync(u => u.Id == ticket.RequesterId);
        await scope.ServiceProvider.GetRequiredService<TicketDesk>().SolveAsync(ticket, requester, "Works now, thanks.");
    }

    public static Task<Dictionary<SlaMetric, TicketSla>> TargetsAsync(this PortalFactory portal, long ticketId) =>
        portal.WithDbAsync(db => db.TicketSlas.AsNoTracking().Where(s => s.TicketId == ticketId).ToDictionaryAsync(s => s.Metric));
}
