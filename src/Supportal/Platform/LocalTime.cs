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

    public static DateTime ToLocal(DateTime utc, ClaimsPrincipal? user) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ZoneOf(user));
}
