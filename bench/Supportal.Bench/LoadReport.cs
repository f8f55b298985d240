using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Supportal.Bench;

/// <summary>One scenario's outcome: successes counted only for the expected status, latency of the measured request.</summary>
public sealed record ScenarioResult(string Name, string Description, int Requests, int Errors, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, string? FirstError)
{
    public static ScenarioResult From(string name, string description, List<double> latencies, int errors, double seconds, string? firstError)
    {
        latencies.Sort();
        return new ScenarioResult(name, description, latencies.Count, errors, Math.Round(latencies.Count / seconds, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), firstError);
    }

    /// <summary>Nearest rank: the smallest value at or below which the share of samples lies.</summary>
    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
}

/// <summary>Where and how the run was made, so numbers from different machines are never compared blindly.</summary>
public sealed record MachineInfo(int ProcessorCount, string OperatingSystem, string DotNet, string Provider, int Tickets,
    int Concurrency, double Seconds, double WarmupSeconds, double WarmSeconds, double? PeakRssMb, DateTime StartedAt);

public sealed record LoadResult(MachineInfo Machine, IReadOnlyList<ScenarioResult> Scenarios)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Markdown()
    {
        var m = Machine;
        var text = new StringBuilder();
        var rss = m.PeakRssMb is { } mb ? string.Create(CultureInfo.InvariantCulture, $", app peak RSS {mb:0} MB") : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"Load run {m.StartedAt:yyyy-MM-dd HH:mm} UTC: {m.ProcessorCount} cores, {m.OperatingSystem}, .NET {m.DotNet}, {m.Provider} with {m.Tickets:N0} tickets, {m.Concurrency} concurrent users, {m.Seconds:0.#} s a scenario after {m.WarmSeconds:0.#} s of warm-up{rss}.");
        text.AppendLine();
        text.AppendLine("| Scenario | Requests | Errors | req/s | p50 ms | p95 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Scenarios)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Description} | {s.Requests} | {s.Errors} | {s.RequestsPerSecond:0.0} | {s.P50Ms:0.0} | {s.P95Ms:0.0} | {s.P99Ms:0.0} |");
        return text.ToString();
    }

    /// <summary>Writes latest.md and latest.json into <paramref name="folder"/> and returns the JSON file's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "latest.md"), Markdown());
        var json = Path.Combine(folder, "latest.json");
        File.WriteAllText(json, JsonSerializer.Serialize(this, Json));
        return json;
    }
}
