using System.Globalization;
using System.Security.Claims;
using Supportal.Accounts;
using Supportal.Platform;

namespace Supportal.Tests.Platform;

public sealed class LocalTimeTests
{
    private static ClaimsPrincipal UserIn(string zone) => new(new ClaimsIdentity([new Claim(PortalClaims.TimeZone, zone)], "test"));

    [Theory]
    [InlineData("2026-01-15T12:00:00Z", "Europe/Warsaw", "2026-01-15T13:00:00")]
    [InlineData("2026-07-15T12:00:00Z", "Europe/Warsaw", "2026-07-15T14:00:00")]
    [InlineData("2026-07-15T12:00:00Z", "America/New_York", "2026-07-15T08:00:00")]
    public void Instants_are_shown_in_the_users_time_zone(string utc, string zone, string expected)
    {
        var instant = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        LocalTime.ToLocal(instant, UserIn(zone)).ShouldBe(DateTime.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Visitors_and_unknown_zones_fall_back_safely()
    {
        var instant = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc);

        LocalTime.ToLocal(instant, null).Hour.ShouldBe(13);
        LocalTime.ToLocal(instant, UserIn("Mars/Olympus")).Hour.ShouldBe(12);
    }
}
