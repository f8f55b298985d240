using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Downloads;

/// <summary>
/// The Downloads page (HLP-3): the items the reader may read, in their groups, each with its versions newest first.
/// Items with no version yet are shown to staff only: a reader has nothing to download from them.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(KnowledgeAccess access) : PageModel
{
    public sealed record GroupView(DownloadGroup Group, IReadOnlyList<DownloadItem> Items);

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    public bool Staff { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await access.ReaderAsync(User, HttpContext.RequestAborted);
        Staff = reader.Staff;
        var items = await access.Downloads(reader).AsNoTracking()
            .Where(i => reader.Staff || i.Versions.Any())
            .Include(i => i.Group).Include(i => i.Versions)
            .ToListAsync(HttpContext.RequestAborted);
        foreach (var item in items)
            item.Versions = [.. item.Versions.OrderByDescending(v => v.ReleasedOn).ThenByDescending(v => v.Id)];
        Groups = [.. items.GroupBy(i => i.GroupId)
            .Select(g => new GroupView(g.First().Group, [.. g.OrderBy(i => i.Order).ThenBy(i => i.Id)]))
            .OrderBy(g => g.Group.Order).ThenBy(g => g.Group.Id)];
    }

    /// <summary>A size as people read it: bytes below a kilobyte, then KB, MB and GB with one decimal.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
    };
}
