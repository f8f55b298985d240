using Microsoft.EntityFrameworkCore;
using Supportal.Pages.Admin;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;

namespace Supportal.Tests.Admin;

/// <summary>Signing in as the demo admin (who reads Polish) and reading what the workspace settings screens logged.</summary>
public static class WorkspaceAdminData
{
    public static Task<PortalClient> AdminAsync(this PortalFactory portal) => portal.SignedInAsync("admin@example.com");

    public static Task<List<string>> WorkspaceAuditsAsync(this PortalFactory portal) => portal.WithDbAsync(db =>
        db.AuditEvents.Where(a => a.Action == WorkspaceAudit.Changed).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());

    public static Dictionary<string, string> Values(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);
}
