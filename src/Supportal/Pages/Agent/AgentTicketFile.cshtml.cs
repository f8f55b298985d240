using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Pages.Agent;

/// <summary>
/// A ticket's file for support staff (the /Agent folder's rule) of a ticket they may see: any file, internal notes' included, which the
/// customers' address never serves. Served as the customers' one is: a download, or an image inline in a sandbox.
/// </summary>
public sealed class AgentTicketFileModel(AppDbContext db, AttachmentStore store) : PageModel
{
    public Task<IActionResult> OnGetAsync(long ticketId, long id) => ServeAsync(ticketId, id, preview: false);

    public Task<IActionResult> OnGetPreviewAsync(long ticketId, long id) => ServeAsync(ticketId, id, preview: true);

    private async Task<IActionResult> ServeAsync(long ticketId, long id, bool preview)
    {
        // Only files of a ticket the agent may see (TicketAccess); any other reads as not found.
        var visible = db.Tickets.VisibleTo(db, User);
        var file = await db.TicketAttachments.Where(a => a.Id == id && a.TicketId == ticketId && visible.Any(t => t.Id == ticketId))
            .Select(a => new { a.FileName, a.ContentType, a.Sha256 }).FirstOrDefaultAsync();
        if (file is null)
            return NotFound();
        return store.Serve(Response, file.Sha256, file.FileName, file.ContentType, preview) is { } result ? result : NotFound();
    }
}
