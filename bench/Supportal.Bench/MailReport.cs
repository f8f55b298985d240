using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Supportal.Bench;

/// <summary>How long one sign-in code took to leave, queued so long after the backlog, when so much of it had been sent.</summary>
public sealed record CodeDelay(double QueuedAfterSeconds, int QueuedAtPercentSent, double Seconds);

/// <summary>CPU time one process (or group of them) used while the backlog drained.</summary>
public sealed record CpuUse(string Process, double Seconds, double PercentOfOneCore);

/// <summary>
/// One drain of the outbox: the machine and settings, how fast the backlog left, how long the sign-in codes queued
/// behind it waited, and where the CPU went meanwhile.
/// </summary>
public sealed record MailResult(int ProcessorCount, string OperatingSystem, string DotNet, string Provider, DateTime StartedAt,
    int Messages, int Nodes, int ConnectionsPerNode, int MessagesPerConnection, int PollSeconds, double QueueSeconds,
    double FirstSentAfterSeconds, double AllSentAfterSeconds, double MessagesPerSecond, double SteadyMessagesPerSecond,
    int Retried, double? TransactionsPerMessage, IReadOnlyList<CodeDelay> Codes, IReadOnlyList<CpuUse> Cpu)
{
    /// <summary>A person waiting for a sign-in code should have it within this many seconds, whatever else is queued.</summary>
    public const double CodeTargetSeconds = 5;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public bool CodesWithinTarget => Codes.Count > 0 && Codes.All(c => c.Seconds <= CodeTargetSeconds);

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mail run {StartedAt:yyyy-MM-dd HH:mm} UTC: {ProcessorCount} cores, {OperatingSystem}, .NET {DotNet}, {Provider}; {Nodes} node(s) × {ConnectionsPerNode} SMTP connections, {MessagesPerConnection} messages a connection, {PollSeconds} s poll.");
        text.AppendLine();
        text.AppendLine("| Measure | Value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Bulk messages queued (one transaction) | {Messages:N0} in {QueueSeconds:0.0} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| First sent after | {FirstSentAfterSeconds:0.0} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| All sent after | {AllSentAfterSeconds:0.0} s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Messages a second, queued to all sent | {MessagesPerSecond:0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Messages a second, from 10% to 90% sent | {SteadyMessagesPerSecond:0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Messages tried more than once | {Retried} |");
        if (TransactionsPerMessage is { } transactions)
            text.AppendLine(CultureInfo.InvariantCulture, $"| Database transactions a message (the benchmark's polls included) | {transactions:0.00} |");
        foreach (var code in Codes)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| Sign-in code queued {code.QueuedAfterSeconds:0.0} s after the backlog ({code.QueuedAtPercentSent}% sent), left after | {code.Seconds:0.00} s |");
        text.AppendLine();
        text.AppendLine(Codes.Count == 0
            ? "No sign-in code was measured: the backlog drained before the first was due."
            : CodesWithinTarget
                ? string.Create(CultureInfo.InvariantCulture, $"Every sign-in code left within the {CodeTargetSeconds:0} s target.")
                : string.Create(CultureInfo.InvariantCulture, $"A sign-in code took longer than the {CodeTargetSeconds:0} s target."));
        text.AppendLine();
        text.AppendLine("| CPU while draining | CPU s | % of one core |");
        text.AppendLine("|---|---:|---:|");
        foreach (var use in Cpu)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {use.Process} | {use.Seconds:0.0} | {use.PercentOfOneCore:0} |");
        return text.ToString();
    }

    /// <summary>Writes mail-latest.md and mail-latest.json into <paramref name="folder"/> and returns the JSON file's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "mail-latest.md"), Markdown());
        var json = Path.Combine(folder, "mail-latest.json");
        File.WriteAllText(json, JsonSerializer.Serialize(this, Json));
        return json;
    }
}
