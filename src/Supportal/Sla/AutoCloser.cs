using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>The "Tickets" settings this feature reads.</summary>
public sealed class AutoCloseOptions
{
    /// <summary>Business days (in the ticket's group's calendar) a solved request stays open to a reply.</summary>
    public int AutoCloseDays { get; set; } = 4;
}

/// <summary>
/// Closes solved requests once <see cref="AutoCloseOptions.AutoCloseDays"/> working days have passed in their
/// group's calendar (the same wall-clock time that many working days later; every day counts without a group).
/// </summary>
public sealed class AutoCloser(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<AutoCloseOptions> options, CalendarCache calendars)
{
    private const int BatchSize = 500;

    /// <summary>Closes every request due to close; returns how many this call closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var days = options.CurrentValue.AutoCloseDays;
        // Working days are never fewer calendar days (less the hour a DST change may take), so only tickets
        // solved at least that long ago can be due; the calendar decides among them.
        var cutoff = now.AddDays(-days).AddHours(2);
        var closed = 0;
        DateTime? after = null;
        long afterId = 0;
        while (true)
        {
            var query = db.Tickets.AsNoTracking().Where(t => t.Status == TicketStatus.Solved && t.SolvedAt != null && t.SolvedAt <= cutoff);
            if (after is { } a)
                query = query.Where(t => t.SolvedAt > a || (t.SolvedAt == a && t.Id > afterId));
            var solved = await query.OrderBy(t => t.SolvedAt).ThenBy(t => t.Id).Take(BatchSize)
                .Select(t => new { t.Id, SolvedAt = t.SolvedAt!.Value, CalendarId = (int?)t.Group!.CalendarId, CalendarVersion = (int?)t.Group!.Calendar.Version })
                .ToListAsync(cancellationToken);
            if (solved.Count == 0)
                return closed;

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var ticket in solved)
            {
                var time = ticket.CalendarId is { } id
                    ? await calendars.GetAsync(db, id, ticket.CalendarVersion!.Value, cancellationToken)
                    : BusinessTime.AroundTheClock;
                if (time.AddWorkingDays(ticket.SolvedAt, days) > now)
                    continue;
                // Only if still solved as seen: a customer's reply meanwhile reopened it. The version rises so an
                // agent's form opened before the closing is told about it instead of overwriting it.
                var updated = await db.Tickets.Where(t => t.Id == ticket.Id && t.Status == TicketStatus.Solved && t.SolvedAt == ticket.SolvedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed).SetProperty(t => t.Version, t => t.Version + 1),
                        cancellationToken);
                if (updated == 0)
                    continue;
                db.TicketEvents.Add(new TicketEvent
                {
                    TicketId = ticket.Id, At = now, Field = "Status",
                    OldValue = nameof(TicketStatus.Solved), NewValue = nameof(TicketStatus.Closed),
                });
                closed++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (solved.Count < BatchSize)
                return closed;
            after = solved[^1].SolvedAt;
            afterId = solved[^1].Id;
        }
    }
}
