using Supportal.Data;
using Supportal.Email;

namespace Supportal.Accounts;

/// <summary>
/// The e-mails of the account flows, each in the recipient's language, queued in the caller's transaction. All are
/// urgent: each answers something the person just did and is waiting for.
/// </summary>
public sealed class AccountMails(Mailer mailer, AppDbContext db)
{
    private static MailRecipient To(ApplicationUser user) => new(user.Email!, user.DisplayName, user.Language);

    public void ConfirmAddress(ApplicationUser user, string link) => mailer.Queue(db, To(user), l => new MailContent(
        l["Mail.Confirm.Subject"], [l["Mail.Greeting", user.FirstName], l["Mail.Confirm.Body"], l["Mail.Confirm.Expiry"]],
        l["Mail.Confirm.Action"], link), MailPriority.Urgent);

    /// <summary>Sent instead of a second account, so sign-up never reveals that an address is registered.</summary>
    public void AlreadyRegistered(ApplicationUser user, string signInLink) => mailer.Queue(db, To(user), l => new MailContent(
        l["Mail.Existing.Subject"], [l["Mail.Greeting", user.FirstName], l["Mail.Existing.Body"]],
        l["Login.Title"], signInLink), MailPriority.Urgent);

    public void PasswordLink(ApplicationUser user, string link) => mailer.Queue(db, To(user), l => new MailContent(
        l["Mail.Password.Subject"], [l["Mail.Greeting", user.FirstName], l["Mail.Password.Body"], l["Mail.Password.Expiry"]],
        l["Mail.Password.Action"], link), MailPriority.Urgent);

    public void SignInCode(ApplicationUser user, string code) => mailer.Queue(db, To(user), l => new MailContent(
        l["Mail.Code.Subject", code], [l["Mail.Greeting", user.FirstName], l["Mail.Code.Body", code], l["Mail.Code.Expiry"]]), MailPriority.Urgent);
}
