using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Supportal.Email;

internal sealed class SmtpMailTransport(IOptionsMonitor<SmtpOptions> smtp, IOptionsMonitor<EmailOptions> email) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var server = smtp.CurrentValue;
        var sender = email.CurrentValue;
        using var mail = new MailMessage
        {
            From = new MailAddress(sender.From, sender.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName, Encoding.UTF8));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        mail.Headers.Add("Message-ID", message.MessageId);

        // SmtpClient is not safe to share between sends; one per message keeps retries independent.
        using var client = new SmtpClient(server.Host, server.Port) { EnableSsl = server.EnableSsl };
        if (!string.IsNullOrEmpty(server.UserName))
            client.Credentials = new NetworkCredential(server.UserName, server.Password);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(server.TimeoutSeconds));
        await client.SendMailAsync(mail, timeout.Token);
    }
}
