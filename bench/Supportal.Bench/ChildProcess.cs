using System.Diagnostics;
using System.Net.Sockets;

namespace Supportal.Bench;

/// <summary>
/// A server the mail benchmark runs for the length of a run (the SMTP server, an app node), its output kept in a log
/// file so that a node that fails to start or to send can be read about afterwards.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private bool closed;

    private ChildProcess(string name, Process process, StreamWriter log, string logFile)
    {
        Name = name;
        this.process = process;
        this.log = log;
        LogFile = logFile;
    }

    public string Name { get; }
    public string LogFile { get; }
    public int Id => process.Id;

    /// <summary>CPU time the process has used so far, user and kernel.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.HasExited ? TimeSpan.Zero : process.TotalProcessorTime;
        }
    }

    public static ChildProcess Start(string name, ProcessStartInfo start, string logFile)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var child = new ChildProcess(name, new Process { StartInfo = start }, new StreamWriter(logFile) { AutoFlush = true }, logFile);
        // Both streams are read all the time: a full pipe would stop the child in the middle of its work.
        child.process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        try
        {
            child.process.Start();
        }
        catch
        {
            child.process.Dispose();
            child.log.Dispose();
            throw;
        }
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    private void Append(string? line)
    {
        lock (log)
        {
            if (line is not null && !closed)
                log.WriteLine(line);
        }
    }

    /// <summary>Waits until <paramref name="ready"/> says so; throws, naming the log, if the process ends or the time runs out.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready())
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; its output is in {LogFile}.");
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"{Name} was not ready after {timeout.TotalSeconds:0} s; its output is in {LogFile}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Whether something accepts connections on the loopback port.</summary>
    public static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ends the process at once. The benchmark stops its servers once every message it queued is recorded as sent (or
    /// the run has failed), so a node has nothing left that a graceful stop would finish.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }
}
