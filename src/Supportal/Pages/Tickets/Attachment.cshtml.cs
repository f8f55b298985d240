using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

/// <summary>
/// A request's file, for whoever may see the request and only when it belongs to a public comment; anything
/// else is "not found". Downloads are always opaque bytes; only images are ever shown inline (as previews).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AttachmentModel(AppDbContext db, AttachmentStore store) : PageModel
{
    public Task<IActionResult> OnGetAsync(long ticketId, long id) => ServeAsync(ticketId, id, preview: false);

    public Task<IActionResult> OnGetPreviewAsync(long ticketId, long id) => ServeAsync(ticketId, id, preview: true);

    private async Task<IActionResult> ServeAsync(long ticketId, long id, bool preview)
    {
        var visible = await db.Tickets.VisibleTo(db, User).AnyAsync(t => t.Id == ticketId);
        var file = visible
            ? await RequestView.PublicFiles(db, ticketId).Where(a => a.Id == id)
                .Select(a => new { a.FileName, a.ContentType, a.Sha256 }).FirstOrDefaultAsync()
            : null;
        if (file is null)
            return NotFound();
        return store.Serve(Response, file.Sha256, file.FileName, file.ContentType, preview) is { } result ? result : NotFound();
    }
}
