using Supportal.Accounts;

namespace Supportal.Tests.Accounts;

/// <summary>The codes the portal expects are the ones every authenticator app shows.</summary>
public sealed class TotpTests
{
    [Theory]
    // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", last six digits of the eight-digit values.
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(20000000000, "353130")]
    public void Matches_the_published_test_vectors(long unixSeconds, string expected)
    {
        const string secretInBase32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Totp.Code(secretInBase32, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);
    }
}
