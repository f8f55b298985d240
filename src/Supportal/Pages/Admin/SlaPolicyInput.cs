using System.Globalization;
using Supportal.Sla;
using Supportal.Tickets;

namespace Supportal.Pages.Admin;

/// <summary>The targets of one service level, a row per priority, as typed (hours and minutes, not raw minutes).</summary>
public sealed class SlaPolicyInput
{
    /// <summary>Ninety days: a longer target is a typing mistake, and would hide a forgotten ticket for a season.</summary>
    public const int MaxHours = 90 * 24;

    public List<SlaPolicyRow> Rows { get; set; } = [];

    /// <summary>Priorities from the most to the least pressing, the order the table reads in.</summary>
    public static readonly TicketPriority[] Priorities = [TicketPriority.Urgent, TicketPriority.High, TicketPriority.Normal, TicketPriority.Low];

    public static SlaPolicyInput From(IReadOnlyCollection<SlaPolicy> policies) => new()
    {
        Rows = Priorities.Select(p => policies.FirstOrDefault(x => x.Priority == p) is { } policy
            ? new SlaPolicyRow
            {
                Priority = p, BusinessHoursOnly = policy.BusinessHoursOnly,
                FirstReplyHours = Hours(policy.FirstReplyMinutes), FirstReplyMinutes = Minutes(policy.FirstReplyMinutes),
                ResolutionHours = Hours(policy.ResolutionMinutes), ResolutionMinutes = Minutes(policy.ResolutionMinutes),
            }
            : new SlaPolicyRow { Priority = p, BusinessHoursOnly = true }).ToList(),
    };

    private static string Hours(int minutes) => (minutes / 60).ToString(CultureInfo.InvariantCulture);

    private static string Minutes(int minutes) => (minutes % 60).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A duration from its two boxes, in minutes; or the resource key of what is wrong and the box it belongs to.
    /// Empty boxes count as zero, so "8" hours alone is eight hours.
    /// </summary>
    public static (int Minutes, string? Error, bool InMinutesBox) Parse(string? hours, string? minutes)
    {
        if (!Whole(hours, MaxHours, out var h))
            return (0, "SlaPolicies.HoursInvalid", false);
        if (!Whole(minutes, 59, out var m))
            return (0, "SlaPolicies.MinutesInvalid", true);
        var total = h * 60 + m;
        return total == 0 ? (0, "SlaPolicies.Zero", false)
            : total > MaxHours * 60 ? (0, "SlaPolicies.TooLong", false)
            : (total, null, false);
    }

    private static bool Whole(string? text, int max, out int value)
    {
        value = 0;
        text = text?.Trim();
        return string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max);
    }
}

public sealed class SlaPolicyRow
{
    public TicketPriority Priority { get; set; }
    public string? FirstReplyHours { get; set; }
    public string? FirstReplyMinutes { get; set; }
    public string? ResolutionHours { get; set; }
    public string? ResolutionMinutes { get; set; }
    public bool BusinessHoursOnly { get; set; }
}
