using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Email;

/// <summary>What a notification says: a subject, paragraphs and at most one link to act on.</summary>
public sealed record MailContent(string Subject, IReadOnlyList<string> Paragraphs, string? ActionText = null, string? ActionUrl = null);

public sealed record MailRecipient(string Address, string? Name, string Language);

/// <summary>
/// Writes notifications into the outbox in the recipient's language. It only adds to the context: the caller's
/// SaveChanges stores the mail in the same transaction as the change that caused it.
/// </summary>
public sealed class Mailer(IStringLocalizer<SharedResource> localizer, IOptions<EmailOptions> email, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public OutboxMessage Queue(AppDbContext db, MailRecipient to, Func<IStringLocalizer, MailContent> write, MailPriority priority = MailPriority.Normal)
    {
        MailContent content;
        string footer;
        using (Languages.Use(to.Language))
        {
            content = write(localizer);
            footer = localizer["Mail.Footer", portal.Value.Name, portal.Value.MaintenanceEmail];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            ToAddress = to.Address,
            ToName = to.Name,
            Subject = content.Subject,
            TextBody = Text(content, footer),
            HtmlBody = Html(content, footer, portal.Value.Name),
            MessageId = $"<{Guid.NewGuid():N}@{EmailAddresses.AsciiDomain(email.Value.From)}>",
            Priority = priority,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    private static string Text(MailContent content, string footer)
    {
        var text = new StringBuilder();
        foreach (var paragraph in content.Paragraphs)
            text.Append(paragraph).Append("\n\n");
        if (content.ActionUrl is not null)
            text.Append(content.ActionText).Append(":\n").Append(content.ActionUrl).Append("\n\n");
        return text.Append("-- \n").Append(footer).Append('\n').ToString();
    }

    private static string Html(MailContent content, string footer, string portalName)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(e.Encode(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f3f5f8;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2937\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px\">")
            .Append("<p style=\"font-weight:600;color:#0d6efd;margin:0 0 16px\">").Append(e.Encode(portalName)).Append("</p>");
        foreach (var paragraph in content.Paragraphs)
            html.Append("<p style=\"line-height:1.5\">").Append(e.Encode(paragraph)).Append("</p>");
        if (content.ActionUrl is not null)
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(e.Encode(content.ActionUrl))
                .Append("\" style=\"background:#0d6efd;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none\">")
                .Append(e.Encode(content.ActionText ?? content.ActionUrl)).Append("</a></p>");
        return html.Append("<hr style=\"border:none;border-top:1px solid #e5e7eb\"><p style=\"font-size:12px;color:#6b7280\">")
            .Append(e.Encode(footer)).Append("</p></div></body></html>").ToString();
    }
}
