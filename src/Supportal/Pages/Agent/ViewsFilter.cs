using System.Globalization;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>The filters of an agent view, bound from the query string so every link and the no-script form keep them.</summary>
public sealed class ViewsFilter
{
    /// <summary>The assignee filter's value for "nobody".</summary>
    public const string Nobody = "unassigned";

    public TicketStatus? Status { get; set; }
    public TicketPriority? Priority { get; set; }
    public int? Group { get; set; }
    public string? Assignee { get; set; }
    public int? Org { get; set; }

    /// <summary>An organization by its name, as the filter form's search field sends it (links may name one by id).</summary>
    public string? OrgName { get; set; }
    public int? Level { get; set; }
    public int? Maker { get; set; }
    public string? Tag { get; set; }
    public DateOnly? CreatedFrom { get; set; }
    public DateOnly? CreatedTo { get; set; }
    public DateOnly? UpdatedFrom { get; set; }
    public DateOnly? UpdatedTo { get; set; }
    public string? Q { get; set; }

    /// <summary>Whether the search looks for words rather than a ticket's number.</summary>
    public bool SearchesWords => Q is { } q && TicketSearch.NumberIn(q) is null;

    public bool Any => Status is not null || Priority is not null || Group is not null || Assignee is not null || Org is not null
        || OrgName is not null || Level is not null || Maker is not null || Tag is not null || CreatedFrom is not null || CreatedTo is not null
        || UpdatedFrom is not null || UpdatedTo is not null || Q is not null;

    public void Normalize()
    {
        Assignee = Clean(Assignee);
        Tag = Clean(Tag)?.ToLowerInvariant();
        Q = Clean(Q);
        OrgName = Org is null ? Clean(OrgName) : null;
        if (Assignee is not null && Assignee != Nobody && !Guid.TryParse(Assignee, out _))
            Assignee = null;
        // Days far outside any ticket's life would overflow the conversion to UTC; they filter nothing useful.
        (CreatedFrom, CreatedTo, UpdatedFrom, UpdatedTo) = (Sane(CreatedFrom), Sane(CreatedTo), Sane(UpdatedFrom), Sane(UpdatedTo));
    }

    private static DateOnly? Sane(DateOnly? day) => day is { Year: >= 2000 and <= 2999 } ? day : null;

    /// <summary>The query-string values, for links that keep the filters (paging, views, refresh).</summary>
    public Dictionary<string, string> Route()
    {
        var route = new Dictionary<string, string>();
        void Add(string name, object? value)
        {
            if (value is not null)
                route[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
        Add("status", Status);
        Add("priority", Priority);
        Add("group", Group);
        Add("assignee", Assignee);
        Add("org", Org);
        Add("orgName", OrgName);
        Add("level", Level);
        Add("maker", Maker);
        Add("tag", Tag);
        Add("createdFrom", CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("createdTo", CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("updatedFrom", UpdatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("updatedTo", UpdatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("q", Q);
        return route;
    }

    /// <summary>
    /// A list's whole query string: view and sort (defaults left out; a sort the view does not offer falls back to its
    /// default), these filters unless dropped, and a cursor.
    /// </summary>
    public Dictionary<string, string> Route(TicketView view, ViewSort? sort, string? after, string? before, bool keepFilters)
    {
        var route = keepFilters ? Route() : [];
        if (view != TicketView.Unassigned)
            route["view"] = view.ToString();
        if (sort is { } chosen && chosen != TicketViews.DefaultSort(view) && TicketViews.Offers(view, chosen))
            route["sort"] = chosen.ToString();
        if (after is not null)
            route["after"] = after;
        if (before is not null)
            route["before"] = before;
        return route;
    }

    public IQueryable<Ticket> Apply(AppDbContext db, IQueryable<Ticket> tickets, TimeZoneInfo zone, DateTime now, long[]? found = null)
    {
        if (Status is { } status)
            tickets = tickets.Where(t => t.Status == status);
        if (Priority is { } priority)
            tickets = tickets.Where(t => t.Priority == priority);
        if (Group is { } group)
            tickets = tickets.Where(t => t.GroupId == group);
        if (Assignee == Nobody)
            tickets = tickets.Where(t => t.AssigneeId == null);
        else if (Guid.TryParse(Assignee, out var assignee))
            tickets = tickets.Where(t => t.AssigneeId == assignee);
        if (Org is { } org)
            tickets = tickets.Where(t => t.OrganizationId == org);
        else if (OrgName is { } orgName)
            tickets = tickets.Where(t => db.Organizations.Any(o => o.Id == t.OrganizationId && o.Name == orgName));
        if (Level is { } level)
            tickets = tickets.Where(ServingContract.AtLevel(db, now, level));
        if (Maker is { } maker)
            tickets = tickets.Where(t => t.Asset != null && t.Asset.Product.ManufacturerId == maker);
        if (Tag is { } tag)
            tickets = tickets.Where(t => db.TicketTags.Any(g => g.TicketId == t.Id && g.Tag == tag));
        // Dates are days in the agent's time zone: "from" includes its whole day, "to" too.
        if (Start(CreatedFrom, zone) is { } createdFrom)
            tickets = tickets.Where(t => t.CreatedAt >= createdFrom);
        if (Start(CreatedTo?.AddDays(1), zone) is { } createdBefore)
            tickets = tickets.Where(t => t.CreatedAt < createdBefore);
        if (Start(UpdatedFrom, zone) is { } updatedFrom)
            tickets = tickets.Where(t => t.UpdatedAt >= updatedFrom);
        if (Start(UpdatedTo?.AddDays(1), zone) is { } updatedBefore)
            tickets = tickets.Where(t => t.UpdatedAt < updatedBefore);
        return Q is null ? tickets : TicketSearch.Matching(db, tickets, Q, found);
    }

    /// <summary>When the day begins in the zone (an hour later where the clocks skip midnight).</summary>
    private static DateTime? Start(DateOnly? day, TimeZoneInfo zone)
    {
        if (day is not { } d)
            return null;
        var midnight = DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(midnight) ? midnight.AddHours(1) : midnight, zone);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
