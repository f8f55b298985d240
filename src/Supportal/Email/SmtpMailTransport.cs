using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Supportal.Email;

/// <summary>
/// Takes the place of the usual check of the mail server's certificate (a trusted chain, the host's name). The portal
/// never registers one and no setting does: it is how a test trusts the throwaway certificate of its own local server,
/// so that production has no "skip validation" switch to leave on by mistake.
/// </summary>
internal sealed record SmtpCertificateCheck(RemoteCertificateValidationCallback Validate);

internal sealed class SmtpMailTransport(
    IOptionsMonitor<SmtpOptions> smtp,
    IOptionsMonitor<EmailOptions> email,
    SmtpCertificateCheck? certificateCheck = null) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var server = smtp.CurrentValue;
        using var mail = Compose(message, email.CurrentValue);

        // The timeout bounds the whole try; the client's own one bounds each read and write within it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(server.TimeoutSeconds));
        // A connection per message keeps tries independent: one that broke halfway leaves nothing behind for the next.
        using var client = new SmtpClient { Timeout = server.TimeoutSeconds * 1000 };
        if (certificateCheck is not null)
            client.ServerCertificateValidationCallback = certificateCheck.Validate;
        var host = server.HasHost ? server.Host! : throw new InvalidOperationException("Smtp:Host is not set.");
        await client.ConnectAsync(host, server.Port, SocketOptions(server.SecurityKind), timeout.Token);
        if (!string.IsNullOrEmpty(server.UserName))
            await client.AuthenticateAsync(server.UserName, server.Password ?? "", timeout.Token);
        await client.SendAsync(mail, timeout.Token);

        // The server has accepted the message. A failure to say goodbye must not reach the outbox, which would
        // count the message as not delivered and send it again.
        try
        {
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception)
        {
            // Disposing the client closes the connection anyway.
        }
    }

    private static MimeMessage Compose(OutboxMessage message, EmailOptions sender)
    {
        var from = EmailAddresses.Parse(sender.From);
        from.Name = sender.FromName;
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
            // The outbox keeps the id as it goes on the wire, in angle brackets; MimeKit adds them itself. The same id
            // on every try lets a receiver recognise a retry after a lost answer as the message it already has.
            MessageId = message.MessageId.TrimStart('<').TrimEnd('>'),
        };
        mail.From.Add(from);
        mail.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mail;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        // MailKit's Auto: TLS on connect for port 465, elsewhere STARTTLS when the server offers it.
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
