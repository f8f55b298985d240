using System.Diagnostics;
using System.Globalization;
using Supportal.Data;

namespace Supportal.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test class's own, on a free loopback port, which its tests stop and start again as an
/// outage would; the shared test server must stay up for everyone else. It exists only when the suite runs on
/// PostgreSQL, and is removed with its files at the end. Made with the newest server installed
/// (<c>/usr/lib/postgresql/*/bin</c>), which the test command installs.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly int port = TestSmtpServer.FreePort();
    private string? root;
    private bool running;

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Include Error Detail=true";

    private string Root => root ?? throw new InvalidOperationException("The cluster exists only when the suite runs on PostgreSQL.");
    private string Data => Path.Combine(Root, "data");

    public async Task InitializeAsync()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        root = Directory.CreateTempSubdirectory("supportal-pg-").FullName;
        // PostgreSQL refuses to run as root: as root, the server and its files belong to the postgres account.
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", "postgres", root);
        // Throwaway data: no waiting for the disk, no passwords.
        await RunServerToolAsync("initdb", "-D", Data, "-U", "postgres", "-A", "trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8");
        await StartAsync();
    }

    public async Task StartAsync()
    {
        if (running)
            return;
        await RunServerToolAsync("pg_ctl", "-D", Data, "-l", Path.Combine(Root, "server.log"), "-w",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {Root} -c fsync=off", "start");
        running = true;
    }

    /// <summary>Stops the server as an administrator would: its sessions are ended and their open transactions rolled back.</summary>
    public async Task StopAsync()
    {
        if (!running)
            return;
        await RunServerToolAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");
        running = false;
    }

    public async Task DisposeAsync()
    {
        if (root is null)
            return;
        if (running)
            await RunServerToolAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(root, recursive: true);
    }

    private static readonly Lazy<string> Bin = new(() => Directory.GetDirectories("/usr/lib/postgresql")
        .OrderBy(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
        .Select(d => Path.Combine(d, "bin")).Last(Directory.Exists));

    private static Task RunServerToolAsync(string tool, params string[] arguments) => Environment.IsPrivilegedProcess
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin.Value, tool), .. arguments])
        : RunAsync(Path.Combine(Bin.Value, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }
}
