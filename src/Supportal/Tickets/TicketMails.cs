using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Email;

namespace Supportal.Tickets;

/// <summary>
/// The request e-mails (TIC-8), each in its recipient's language, queued in the caller's transaction. Internal
/// notes never come here; the person who made the change is never mailed about it.
/// </summary>
public sealed class TicketMails(Mailer mailer, AppDbContext db, AccountLinks links)
{
    private static MailRecipient To(ApplicationUser user) => new(user.Email!, user.DisplayName, user.Language);

    private static string Greeting(ApplicationUser user) => user.FirstName.Length > 0 ? user.FirstName : user.DisplayName;

    public string RequestLink(long ticketId) => links.Absolute($"/Tickets/{ticketId}");

    /// <summary>The receipt for a new request; an account made for it gets its "set a password" link instead.</summary>
    public void Received(Ticket ticket, ApplicationUser requester, string description, string? passwordLink)
    {
        mailer.Queue(db, To(requester), l => new MailContent(
            l["Mail.Ticket.Subject", ticket.Id, ticket.Subject],
            [
                l["Mail.Greeting", Greeting(requester)],
                l["Mail.Ticket.Received", ticket.Id],
                description,
                passwordLink is null ? l["Mail.Ticket.Follow"] : l["Mail.Ticket.FollowNewAccount"],
            ],
            passwordLink is null ? l["Mail.Ticket.Action"] : l["Mail.Password.Action"],
            passwordLink ?? RequestLink(ticket.Id)));
    }

    /// <summary>
    /// Everyone who gets the request's e-mails: the requester and the people copied, found by their ids so the
    /// database reads a few accounts instead of testing every one.
    /// </summary>
    public Task<List<ApplicationUser>> ParticipantsAsync(long ticketId)
    {
        var ids = db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RequesterId)
            .Concat(db.TicketCcs.Where(c => c.TicketId == ticketId).Select(c => c.UserId));
        return db.Users.Where(u => ids.Contains(u.Id)).ToListAsync();
    }

    /// <summary>A public comment (or solving) by <paramref name="author"/>, to everyone else on the request.</summary>
    public void Updated(Ticket ticket, IEnumerable<ApplicationUser> participants, ApplicationUser author, string comment, bool solved)
    {
        foreach (var person in participants.Where(p => p.Id != author.Id).DistinctBy(p => p.Id))
        {
            mailer.Queue(db, To(person), l => new MailContent(
                l["Mail.Ticket.Subject", ticket.Id, ticket.Subject],
                new[]
                {
                    l["Mail.Greeting", Greeting(person)],
                    solved ? l["Mail.Ticket.SolvedBy", author.DisplayName, ticket.Id] : l["Mail.Ticket.RepliedBy", author.DisplayName, ticket.Id],
                    comment,
                }.Where(p => p.Length > 0).ToList(),
                l["Mail.Ticket.Action"], RequestLink(ticket.Id)));
        }
    }

    /// <summary>Tells someone they were copied on a request; a new account gets its "set a password" link.</summary>
    public void Copied(Ticket ticket, ApplicationUser person, ApplicationUser by, string? passwordLink)
    {
        mailer.Queue(db, To(person), l => new MailContent(
            l["Mail.Ticket.Subject", ticket.Id, ticket.Subject],
            [
                l["Mail.Greeting", Greeting(person)],
                l["Mail.Ticket.Copied", by.DisplayName, ticket.Id],
                passwordLink is null ? l["Mail.Ticket.Follow"] : l["Mail.Ticket.FollowNewAccount"],
            ],
            passwordLink is null ? l["Mail.Ticket.Action"] : l["Mail.Password.Action"],
            passwordLink ?? RequestLink(ticket.Id)));
    }
}
