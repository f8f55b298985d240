using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

/// <summary>
/// The part of a conversation a screen shows: its newest <see cref="Shown"/> comments unless every one is asked for.
/// A conversation of hundreds (a long-running request, a noisy integration) made every visit and every reply pay for
/// reading and rendering all of them. The agent's ticket screen and the customer's request page both read it here.
/// </summary>
public static class ConversationPart
{
    public const int Shown = 50;

    /// <summary>The comments oldest first, and how many earlier ones were left out.</summary>
    public static async Task<(List<T> Comments, int Earlier)> NewestAsync<T>(IQueryable<TicketComment> comments, bool every,
        Expression<Func<TicketComment, T>> projection)
    {
        // Newest first, one more than shown: only a longer conversation pays for counting the rest.
        var newest = comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var read = await (every ? newest : newest.Take(Shown + 1)).Select(projection).ToListAsync();
        var earlier = 0;
        if (read.Count > Shown && !every)
        {
            earlier = await comments.CountAsync() - Shown;
            read.RemoveRange(Shown, read.Count - Shown);
        }
        read.Reverse();
        return (read, earlier);
    }
}
