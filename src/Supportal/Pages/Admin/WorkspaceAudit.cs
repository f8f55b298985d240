using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Admin;

/// <summary>
/// The audit trail of the agent workspace's configuration (groups, calendars, SLA policies, routing): each change
/// is recorded in the same SaveChanges as the change itself, so the log never claims a change that did not happen.
/// </summary>
public static class WorkspaceAudit
{
    public const string Changed = "workspace.changed";

    public static void Record(this AuditLog audit, AppDbContext db, System.Security.Claims.ClaimsPrincipal user, string detail) =>
        audit.Record(db, Changed, user.AccountId(), detail.Length > 500 ? detail[..500] : detail);
}
