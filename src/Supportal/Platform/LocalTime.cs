using System.Security.Claims;
using Supportal.Accounts;

namespace Supportal.Platform;

/// <summary>Turns stored UTC instants into the reader's wall-clock time.</summary>
public static class LocalTime
{
    public const string DefaultTimeZone = "Europe/Warsaw";

    public static TimeZoneInfo ZoneOf(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(PortalClaims.TimeZone)?.Value ?? DefaultTimeZone;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// Today's date where the support organisation works: contract start and end dates are calendar dates
    /// in that zone, whoever is looking.
    /// </summary>
    public static DateOnly PortalToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), PortalZone).DateTime);

    public static TimeZoneInfo PortalZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, ClaimsPrincipal? user) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ZoneOf(user));
}
