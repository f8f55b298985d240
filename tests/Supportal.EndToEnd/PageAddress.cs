using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Supportal.EndToEnd;

/// <summary>
/// Waits until the page shows an address. <c>WaitForURLAsync</c> checks the address and then subscribes to the
/// load event, so a page that finishes loading in between leaves it waiting until its timeout; the retrying
/// expectation reads the address itself and has no event to miss.
/// </summary>
public static class PageAddress
{
    // As long as a navigation may take on a busy two-core machine, not the 5 s an expectation waits by default.
    private static readonly PageAssertionsToHaveURLOptions Patience = new() { Timeout = 30_000 };

    /// <summary>Playwright's glob: <c>**</c> any text, <c>*</c> any text without a slash, everything else literal.</summary>
    public static Task ShouldReachAsync(this IPage page, string glob) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$"), Patience);

    public static Task ShouldReachAsync(this IPage page, Regex address) => Assertions.Expect(page).ToHaveURLAsync(address, Patience);
}
