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
    public IMailConnection Open() => new Connection(smtp.CurrentValue, email.CurrentValue, certificateCheck);

    /// <summary>
    /// One SMTP session over MailKit. Opening it (TCP, TLS, authentication) costs several round trips, so one session
    /// carries up to <see cref="SmtpOptions.MessagesPerConnection"/> messages.
    /// </summary>
    private sealed class Connection(SmtpOptions server, EmailOptions sender, SmtpCertificateCheck? certificateCheck) : IMailConnection
    {
        private SmtpClient? client;
        private int carried;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            using var mail = Compose(message, sender);
            // The timeout bounds the whole try, a new connection included; the client's own one bounds each read and
            // write within it. The outbox's claim on the message relies on this bound.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(server.TimeoutSeconds));
            try
            {
                if (client is not { IsConnected: true } || carried >= server.MessagesPerConnection)
                {
                    await CloseAsync();
                    client = await ConnectAsync(timeout.Token);
                }
                await client.SendAsync(mail, timeout.Token);
                carried++;
            }
            catch
            {
                // A conversation that failed halfway is in no known state: the next message starts a new one.
                Drop();
                throw;
            }
        }

        private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
        {
            var connecting = new SmtpClient { Timeout = server.TimeoutSeconds * 1000 };
            try
            {
                if (certificateCheck is not null)
                    connecting.ServerCertificateValidationCallback = certificateCheck.Validate;
                var host = server.HasHost ? server.Host! : throw new InvalidOperationException("Smtp:Host is not set.");
                await connecting.ConnectAsync(host, server.Port, SocketOptions(server.SecurityKind), cancellationToken);
                if (!string.IsNullOrEmpty(server.UserName))
                    await connecting.AuthenticateAsync(server.UserName, server.Password ?? "", cancellationToken);
                carried = 0;
                return connecting;
            }
            catch
            {
                connecting.Dispose();
                throw;
            }
        }

        public async Task CloseAsync()
        {
            if (client is null)
                return;
            // Every message so far was accepted: a failure to say goodbye changes nothing about them.
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(server.TimeoutSeconds));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception)
            {
                // Disposing the client closes the connection anyway.
            }
            Drop();
        }

        private void Drop()
        {
            client?.Dispose();
            client = null;
        }

        public ValueTask DisposeAsync() => new(CloseAsync());
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
