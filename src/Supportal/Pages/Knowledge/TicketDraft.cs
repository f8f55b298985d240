using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// An article started from a solved request: its subject and the staff's public replies, in the request's language. Never
/// the customer's words (they may hold personal data) nor internal notes; the editor reworks the draft before publishing.
/// </summary>
public static class TicketDraft
{
    public sealed record Draft(string Title, string Body, string Language);

    /// <summary>Null when the request is not there, not solved or closed, or the editor is not support staff who may read it.</summary>
    public static async Task<Draft?> FromAsync(AppDbContext db, ClaimsPrincipal user, long ticketId)
    {
        if (!TicketAccess.IsSupport(user))
            return null;
        var ticket = await db.Tickets.Where(t => t.Id == ticketId && (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed))
            .Select(t => new { t.Subject, t.Language }).FirstOrDefaultAsync();
        if (ticket is null)
            return null;
        var staffRoles = db.Roles.Where(r => Roles.All.Contains(r.Name!)).Select(r => r.Id);
        var replies = await db.TicketComments
            .Where(c => c.TicketId == ticketId && c.IsPublic && db.UserRoles.Any(ur => ur.UserId == c.AuthorId && staffRoles.Contains(ur.RoleId)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Body).ToListAsync();
        var title = ticket.Subject.Length <= Supportal.KnowledgeBase.Article.TitleLength ? ticket.Subject : ticket.Subject[..Supportal.KnowledgeBase.Article.TitleLength];
        return new Draft(title, string.Join("\n\n", replies.Select(r => r.Trim())), ticket.Language == "pl" ? "pl" : "en");
    }
}
