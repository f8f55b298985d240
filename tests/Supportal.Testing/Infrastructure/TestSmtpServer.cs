using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Supportal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Python's aiosmtpd, installed by the test command) that writes every accepted message
/// into a Maildir the test reads back.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly Process process;
    private readonly string maildir;

    private TestSmtpServer(Process process, string maildir, int port)
    {
        this.process = process;
        this.maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A loopback port that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Extra <paramref name="arguments"/> go to aiosmtpd, e.g. its certificate for STARTTLS or SMTPS.</summary>
    public static async Task<TestSmtpServer> StartAsync(int? port = null, params string[] arguments)
    {
        var chosen = port ?? FreePort();
        // aiosmtpd creates the Maildir layout only when the folder does not exist yet.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("supportal-smtp-").FullName, "maildir");
        var process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosen}", .. arguments, "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var server = new TestSmtpServer(process, maildir, chosen);
        await Eventually.TrueAsync(() => Task.FromResult(server.Accepts()), "the SMTP server to listen");
        return server;
    }

    public IReadOnlyList<MailFile> Messages()
    {
        var dir = Path.Combine(maildir, "new");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir).Select(f => MailFile.Parse(File.ReadAllText(f))).ToList()
            : [];
    }

    public async Task<IReadOnlyList<MailFile>> WaitForMessagesAsync(int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Messages().Count >= count), $"{count} message(s) to arrive");
        return Messages();
    }

    /// <summary>The newest message to the address (and with the subject text, if given), once it has arrived.</summary>
    public async Task<MailFile> WaitForMailAsync(string to, string? subjectContains = null)
    {
        MailFile? found = null;
        await Eventually.TrueAsync(() =>
        {
            found = Messages().LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)
                && (subjectContains is null || m.Subject.Contains(subjectContains, StringComparison.Ordinal)));
            return Task.FromResult(found is not null);
        }, $"an e-mail to {to}");
        return found!;
    }

    private bool Accepts()
    {
        if (process.HasExited)
            throw new InvalidOperationException("aiosmtpd exited: " + process.StandardError.ReadToEnd());
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(maildir)!, recursive: true);
    }
}
