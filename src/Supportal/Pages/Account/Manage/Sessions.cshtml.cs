using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>
/// The browsers signed in to this account, each of which can be signed out. Every query names the signed-in
/// user in its condition, so an id from another account matches nothing.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SessionsModel(
    UserManager<ApplicationUser> users,
    PortalSignInManager signIn,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : PageModel
{
    public sealed record SessionRow(Guid Id, string? Browser, string? Ip, DateTime CreatedAt, DateTime LastSeenAt, bool IsCurrent);

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    private Guid UserId => User.RequiredAccountId();

    private Guid CurrentSession => Guid.TryParse(User.FindFirstValue(PortalSignInManager.SessionClaim), out var id) ? id : Guid.Empty;

    public async Task OnGetAsync()
    {
        var userId = UserId;
        var current = CurrentSession;
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .ToListAsync();
        Sessions = sessions
            .Select(s => new SessionRow(s.Id, BrowserName.Describe(s.UserAgent), s.Ip, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .OrderByDescending(s => s.IsCurrent)
            .ToList();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        var userId = UserId;
        var current = CurrentSession;
        var now = clock.GetUtcNow().UtcDateTime;
        // This browser signs out with the menu's "Sign out"; here only the others end.
        var ended = await db.UserSessions
            .Where(s => s.Id == id && s.UserId == userId && s.Id != current && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
        if (ended == 0)
            return NotFound();
        audit.Record(db, AuditActions.SignedOutEverywhere, userId, "one session");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Manage.Sessions.Ended"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        await signIn.RevokeOtherSessionsAsync(user, keepCurrent: false);
        // A new stamp also voids "remember this browser" cookies of the second sign-in step.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(db, AuditActions.SignedOutEverywhere, user.Id, "all sessions");
        await db.SaveChangesAsync();
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
