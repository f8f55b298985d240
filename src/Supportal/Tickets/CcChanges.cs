using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Tickets;

/// <summary>
/// Copying someone on a request and taking them off, the same whether a customer or an agent does it: the row, the
/// e-mail to the person copied, and the history row ("Cc", the address added or removed) the agent's history shows.
/// The caller saves it all with the rest of its change, raising the ticket's version.
/// </summary>
public sealed class CcChanges(AppDbContext db, TicketMails mails, PasswordlessAccounts accounts, AccountLinks links)
{
    /// <summary>
    /// Copies the address; an unknown one gets an account without a password, in <paramref name="language"/>, whose
    /// mail carries the link to set it. The history row is null when the person already follows the request.
    /// </summary>
    public async Task<(ApplicationUser Person, TicketEvent? Change)> AddAsync(Ticket ticket, string email, ApplicationUser by, string language, DateTime now)
    {
        // Identity saves a new account itself: the caller's transaction keeps it and the CC one change.
        var (person, created) = await accounts.FindOrCreateAsync(email, null, language);
        if (person.Id == ticket.RequesterId || await db.TicketCcs.AnyAsync(c => c.TicketId == ticket.Id && c.UserId == person.Id))
            return (person, null);
        db.TicketCcs.Add(new TicketCc { TicketId = ticket.Id, UserId = person.Id, AddedAt = now });
        // Someone copying themselves (a colleague from the organization, say) needs no e-mail about it.
        if (person.Id != by.Id)
            mails.Copied(ticket, person, by, created ? await links.PasswordAsync(person) : null);
        return (person, Change(ticket, by, now, null, person.Email));
    }

    /// <summary>
    /// Whether the address can be copied: it has an account, or one can be made for it (<see cref="PasswordlessAccounts.CanCreateFor"/>).
    /// </summary>
    public Task<bool> CanAddAsync(string email) => accounts.CanFindOrCreateAsync(email);

    /// <summary>Takes someone off the request; null when they were not on it.</summary>
    public async Task<TicketEvent?> RemoveAsync(Ticket ticket, Guid userId, ApplicationUser by, DateTime now)
    {
        var cc = await db.TicketCcs.Include(c => c.User).FirstOrDefaultAsync(c => c.TicketId == ticket.Id && c.UserId == userId);
        if (cc is null)
            return null;
        db.TicketCcs.Remove(cc);
        return Change(ticket, by, now, cc.User.Email, null);
    }

    private static TicketEvent Change(Ticket ticket, ApplicationUser by, DateTime now, string? removed, string? added) =>
        new() { TicketId = ticket.Id, ActorId = by.Id, At = now, Field = "Cc", OldValue = removed, NewValue = added };
}
