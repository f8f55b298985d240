using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Pages.Admin;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Pending { get; private set; }
    public int Failed { get; private set; }

    public async Task OnGetAsync()
    {
        Pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null);
        Failed = await db.OutboxMessages.CountAsync(m => m.FailedAt != null);
    }
}
