using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Email;

/// <summary>
/// A self-signed certificate for 127.0.0.1, made for this test run and written as PEM files for aiosmtpd.
/// No system trusts it; <see cref="Check"/> trusts exactly this one.
/// </summary>
public sealed class ThrowawayServerCertificate : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("supportal-tls-").FullName;
    private readonly string thumbprint;

    public ThrowawayServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        CertificateFile = Path.Combine(folder, "server.crt");
        KeyFile = Path.Combine(folder, "server.key");
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificateFile { get; }
    public string KeyFile { get; }

    /// <summary>
    /// The usual check with one exception: a chain that ends in this certificate instead of a trusted root.
    /// The name must still match, and any other certificate is still refused.
    /// </summary>
    internal SmtpCertificateCheck Check => new((_, presented, _, errors) =>
        errors == SslPolicyErrors.RemoteCertificateChainErrors
        && presented is not null
        && presented.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>How <c>Smtp:Security</c> connects, against real aiosmtpd servers that speak STARTTLS or SMTPS.</summary>
public sealed class SmtpSecurityTests(ThrowawayServerCertificate certificate) : IClassFixture<ThrowawayServerCertificate>, IAsyncLifetime
{
    private readonly PortalFactory portal = new();

    public Task InitializeAsync() => ((IAsyncLifetime)portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)portal).DisposeAsync();

    /// <summary>aiosmtpd with STARTTLS, refusing MAIL FROM until the connection is encrypted: delivery proves TLS.</summary>
    private Task<TestSmtpServer> StartTlsServerAsync() =>
        TestSmtpServer.StartAsync(null, "--tlscert", certificate.CertificateFile, "--tlskey", certificate.KeyFile);

    /// <summary>aiosmtpd with TLS from the first byte: a client that does not start with a handshake gets nowhere.</summary>
    private Task<TestSmtpServer> StartSmtpsServerAsync() =>
        TestSmtpServer.StartAsync(null, "--smtpscert", certificate.CertificateFile, "--smtpskey", certificate.KeyFile);

    /// <summary>Queues one message and runs one delivery round with the given setting; returns the outbox row after it.</summary>
    private async Task<OutboxMessage> DeliverAsync(TestSmtpServer smtp, string security, bool trustTheCertificate = true)
    {
        portal.Settings["Smtp:Host"] = "127.0.0.1";
        portal.Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        portal.Settings["Smtp:Security"] = security;
        portal.Settings["Smtp:TimeoutSeconds"] = "5";
        portal.Settings["Email:From"] = "support-system@portal.test";
        // Delivery is driven here; the background round must not race it.
        portal.Settings["Email:PollSeconds"] = "3600";
        if (trustTheCertificate)
            portal.TestServices = services => services.AddSingleton(certificate.Check);

        long id;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
            var queued = scope.ServiceProvider.GetRequiredService<Mailer>().Queue(db,
                new MailRecipient("jan.kowalski@customer.test", "Jan Kowalski", "en"), _ => new MailContent("Encrypted", ["Sent over TLS."]));
            await db.SaveChangesAsync();
            id = queued.Id;
        }
        (await portal.Services.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
        return await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
    }

    [Theory]
    [InlineData("StartTls")]
    // The default upgrades to TLS whenever the server offers STARTTLS.
    [InlineData("Auto")]
    public async Task Mail_is_delivered_over_starttls(string security)
    {
        using var smtp = await StartTlsServerAsync();

        var message = await DeliverAsync(smtp, security);

        message.State.ShouldBe(OutboxState.Sent);
        var mail = (await smtp.WaitForMessagesAsync(1)).Single();
        mail.Subject.ShouldBe("Encrypted");
        mail.Header("Message-ID").ShouldBe(message.MessageId);
    }

    [Fact]
    public async Task Mail_is_delivered_over_tls_from_the_first_byte()
    {
        using var smtp = await StartSmtpsServerAsync();

        var message = await DeliverAsync(smtp, "SslOnConnect");

        message.State.ShouldBe(OutboxState.Sent);
        (await smtp.WaitForMessagesAsync(1)).Single().Subject.ShouldBe("Encrypted");
    }

    [Fact]
    public async Task None_never_encrypts_even_when_the_server_offers_it()
    {
        using var smtp = await StartTlsServerAsync();

        var message = await DeliverAsync(smtp, "None");

        // This server takes mail only over TLS, so it refuses the unencrypted session: the message waits for a retry.
        message.State.ShouldBe(OutboxState.Retrying);
        message.LastError.ShouldNotBeNull().ShouldContain("STARTTLS");
        smtp.Messages().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_certificate_no_one_trusts_stops_delivery()
    {
        using var smtp = await StartTlsServerAsync();

        var message = await DeliverAsync(smtp, "StartTls", trustTheCertificate: false);

        message.State.ShouldBe(OutboxState.Retrying);
        message.LastError.ShouldNotBeNull().ShouldContain("certificate", Case.Insensitive);
        smtp.Messages().ShouldBeEmpty();
    }
}
