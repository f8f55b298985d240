using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;

namespace Supportal.Platform;

public enum Audience
{
    Everyone,
    Anonymous,
    SignedIn,
    Support,
    Orders,
    Knowledge,
    StatusEditors,
    Admin,
}

public sealed record NavItem(string TextKey, string Page, string Icon, Audience Audience);

/// <summary>
/// The left navigation. An entry shows only when its page exists, so a feature's link appears with the
/// feature and no link ever leads to a page that is not there.
/// </summary>
public sealed class Navigation(IActionDescriptorCollectionProvider actions)
{
    private static readonly NavItem[] Items =
    [
        new("Nav.Dashboard", "/Dashboard", "speedometer2", Audience.SignedIn),
        new("Nav.MyActivities", "/Tickets/Index", "list-task", Audience.SignedIn),
        new("Nav.Contracts", "/Contracts/Index", "file-earmark-text", Audience.SignedIn),
        new("Nav.KnowledgeBase", "/Index", "life-preserver", Audience.Everyone),
        new("Nav.Downloads", "/Downloads/Index", "download", Audience.Everyone),
        new("Nav.ServiceStatus", "/Status/Index", "activity", Audience.Everyone),
        new("Nav.Contact", "/Contact", "telephone", Audience.Everyone),
        new("Nav.Agent", "/Agent/Index", "headset", Audience.Support),
        new("Nav.Organizations", "/Agent/Organizations", "buildings", Audience.Support),
        new("Nav.Macros", "/Agent/Macros", "lightning-charge", Audience.Support),
        new("Nav.Orders", "/Orders/Index", "journal-check", Audience.Orders),
        new("Nav.Knowledge", "/Knowledge/Index", "pencil-square", Audience.Knowledge),
        new("Nav.StatusEditor", "/StatusEditor/Index", "broadcast", Audience.StatusEditors),
        new("Nav.Admin", "/Admin/Index", "gear", Audience.Admin),
    ];

    public IEnumerable<NavItem> For(ClaimsPrincipal user) => Items.Where(i => Exists(i.Page) && IsFor(i.Audience, user));

    // Pages are compiled into the app, so the set cannot change while it runs.
    private readonly Lazy<HashSet<string>> pages = new(() => actions.ActionDescriptors.Items
        .OfType<PageActionDescriptor>().Select(d => d.ViewEnginePath).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public bool Exists(string page) => pages.Value.Contains(page);

    public static bool IsStaff(ClaimsPrincipal user) => Roles.All.Any(user.IsInRole);

    private static bool IsFor(Audience audience, ClaimsPrincipal user) => audience switch
    {
        Audience.Everyone => true,
        Audience.Anonymous => user.Identity?.IsAuthenticated != true,
        Audience.SignedIn => user.Identity?.IsAuthenticated == true,
        Audience.Support => Tickets.TicketAccess.IsSupport(user),
        Audience.Orders => user.IsInRole(Roles.Orders) || user.IsInRole(Roles.Admin),
        Audience.Knowledge => KnowledgeBase.KnowledgeAccess.IsEditor(user),
        Audience.StatusEditors => user.IsInRole(Roles.StatusEditor) || user.IsInRole(Roles.Admin),
        Audience.Admin => user.IsInRole(Roles.Admin),
        _ => false,
    };
}
