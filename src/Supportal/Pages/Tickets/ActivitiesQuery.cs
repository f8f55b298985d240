using System.Globalization;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

/// <summary>The status and text filters of "My activities", in a form both database providers translate.</summary>
public static class ActivityFilter
{
    public static IQueryable<Ticket> Apply(IQueryable<Ticket> tickets, CustomerStatus? status, string? query)
    {
        if (status is { } wanted)
        {
            var statuses = TicketStatuses.Of(wanted);
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }
        if (query is null)
            return tickets;
        // "#10001" is a number only; "10001" is the number or those digits in a subject.
        if (query.StartsWith('#') && long.TryParse(query[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return tickets.Where(t => t.Id == number);
        if (long.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            return tickets.Where(t => t.Id == number || t.Subject.Contains(query));
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // upper() on both sides: case-insensitive on PostgreSQL and on SQLite (see SqliteSessions).
            var upper = word.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
            tickets = tickets.Where(t => t.Subject.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return tickets;
    }
}

/// <summary>A page boundary: the sort date and the number of the row at the edge, as "ticks-number".</summary>
public readonly record struct ActivityCursor(DateTime At, long Id)
{
    public static string Format(DateTime at, long id) => string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}-{id}");

    public static ActivityCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ActivityCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }

    /// <summary>The rows after (greater) or before the cursor in (date, number) order.</summary>
    public static IQueryable<Ticket> Beyond(IQueryable<Ticket> tickets, bool byUpdated, bool greater, ActivityCursor cursor)
    {
        var (at, id) = (cursor.At, cursor.Id);
        return (byUpdated, greater) switch
        {
            (true, true) => tickets.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Id > id)),
            (true, false) => tickets.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < id)),
            (false, true) => tickets.Where(t => t.CreatedAt > at || (t.CreatedAt == at && t.Id > id)),
            (false, false) => tickets.Where(t => t.CreatedAt < at || (t.CreatedAt == at && t.Id < id)),
        };
    }

    public static IOrderedQueryable<Ticket> Order(IQueryable<Ticket> tickets, bool byUpdated, bool ascending) => (byUpdated, ascending) switch
    {
        (true, true) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        (true, false) => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
        (false, true) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (false, false) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
    };
}
