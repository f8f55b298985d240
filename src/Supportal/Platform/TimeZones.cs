namespace Supportal.Platform;

/// <summary>The time zones a person can choose: IANA ids, the ones most customers use first.</summary>
public static class TimeZones
{
    /// <summary>Where most customers are; offered at the top so nobody scrolls through 400 zones.</summary>
    public static readonly string[] Common =
    [
        "Europe/Warsaw", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Prague", "Europe/Vienna",
        "Europe/Vilnius", "Europe/Kyiv", "UTC",
    ];

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> All = new(() => TimeZoneInfo.GetSystemTimeZones()
        // Region zones ("Europe/Warsaw") only: the legacy aliases ("Poland", "Etc/GMT-1") would only confuse.
        .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
        .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)
        .ToList());

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Rest = new(() => All.Value.Where(z => !Common.Contains(z.Id)).ToList());

    public static IReadOnlyList<TimeZoneInfo> Others => Rest.Value;

    public static IEnumerable<TimeZoneInfo> CommonZones => Common.Select(Find).OfType<TimeZoneInfo>();

    public static bool IsValid(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && Find(id) is not null;

    private static TimeZoneInfo? Find(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>"(UTC+01:00) Europe/Warsaw", with the offset in force at the given moment (summer or winter).</summary>
    public static string Label(TimeZoneInfo zone, DateTimeOffset now)
    {
        var offset = zone.GetUtcOffset(now);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"(UTC{sign}{offset:hh\\:mm}) {zone.Id.Replace('_', ' ')}";
    }
}
