using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;
using Supportal.Tickets;

namespace Supportal.Bench;

/// <summary>
/// The <c>load</c> command: signs in a small pool of generated customers and agents through the real login form,
/// then runs each scenario in turn for a fixed time with a fixed number of concurrent workers, and reports
/// throughput and latency percentiles. The database the app uses is read only to choose realistic ids.
/// </summary>
public static partial class LoadCommand
{
    /// <summary>
    /// Sessions signed in per role. The login form takes 30 posts a minute from one address
    /// (AccountsSetup.PostsPerMinutePerAddress), so the pool stays well under it and workers share sessions.
    /// </summary>
    public const int PoolPerRole = 8;

    /// <summary>Open tickets each agent replies to, shared out among the workers signed in as them.</summary>
    private const int ReplyTicketsPerAgent = 250;

    public static async Task<LoadResult?> RunAsync(Options options, TextWriter log, CancellationToken cancel = default)
    {
        if (options["url"] is not { } url)
        {
            Console.Error.WriteLine("load needs --url, the running portal's address.");
            return null;
        }
        var baseAddress = new Uri(url.TrimEnd('/') + "/");
        var seconds = options.Number("seconds", 30);
        var warmup = options.Number("warmup", 3);
        var warm = options.Number("warm", 60);
        var concurrency = Math.Max(1, options.WholeNumber("concurrency", 32));
        var chosen = options["scenarios"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var started = DateTime.UtcNow;

        await using var db = Options.Context(options);
        var ticketCount = await db.Tickets.CountAsync(cancel);
        var pool = Math.Min(PoolPerRole, concurrency);
        log.WriteLine($"{ticketCount:N0} tickets in the database; signing in {pool} customers and {pool} agents…");
        var customers = await CustomersAsync(db, baseAddress, pool, log, cancel);
        var agents = await AgentsAsync(db, baseAddress, pool, log, cancel);
        var searchNumber = agents.SelectMany(a => a.ReplyTickets).DefaultIfEmpty(Ticket.FirstNumber).Last();
        // Whatever a signed-in customer without contracts may read, by the app's own rules; every worker goes through them all.
        var articles = await new KnowledgeAccess(db, TimeProvider.System).Articles(new KnowledgeReader(true, false, []))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancel);

        var scenarios = Scenarios.All(searchNumber, articles).Where(s => chosen is null || chosen.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (scenarios.Count == 0)
        {
            Console.Error.WriteLine($"No such scenario; choose from {string.Join(", ", Scenarios.All(0, []).Select(s => s.Name))}.");
            return null;
        }

        using var memory = new RssSampler(options.WholeNumber("pid", 0));
        // The runtime first runs the portal's code quickly compiled and recompiles the hot methods, optimised, in the
        // background over its first minutes under load; a server that has run for a while has that behind it, so the
        // scenarios are measured after it rather than the first few paying for it.
        if (warm > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warming the portal up for {warm:0.#} s, every scenario in turn…"));
            foreach (var scenario in scenarios)
                await MeasureAsync(scenario, customers, agents, concurrency, warm / scenarios.Count, cancel);
        }
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            log.WriteLine($"{scenario.Description}…");
            if (warmup > 0)
                await MeasureAsync(scenario, customers, agents, concurrency, warmup, cancel);
            var result = await MeasureAsync(scenario, customers, agents, concurrency, seconds, cancel);
            results.Add(result);
            var firstError = result.FirstError is null ? "" : $"; first error: {result.FirstError}";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Requests} ok, {result.Errors} errors, {result.RequestsPerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms{firstError}"));
        }

        foreach (var user in customers.Select(c => c.User).Concat(agents.Select(a => a.User)))
            user.Dispose();
        var machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, Environment.Version.ToString(),
            options.Provider.ToString(), ticketCount, concurrency, seconds, warmup, warm, memory.PeakMb, started);
        var report = new LoadResult(machine, results);
        log.WriteLine();
        log.Write(report.Markdown());
        var json = report.Write(options["out"] ?? Path.Combine("bench", "results"));
        log.WriteLine($"Written {json} and latest.md beside it.");
        return report;
    }

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers until the time is up. A request running then is let finish (a
    /// cancelled post would still change the ticket on the server, and the next run's form would be stale) but not counted.
    /// </summary>
    private static async Task<ScenarioResult> MeasureAsync(Scenario scenario, List<CustomerPlan> customers, List<AgentPlan> agents,
        int concurrency, double seconds, CancellationToken cancel)
    {
        var workers = Enumerable.Range(0, concurrency).Select(i => NewWorker(scenario, customers, agents, i, concurrency)).ToList();
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>();
            var myErrors = 0;
            while (clock.Elapsed < deadline && !cancel.IsCancellationRequested)
            {
                Measurement m;
                try
                {
                    m = await scenario.RunAsync(worker, cancel);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    m = new Measurement(false, 0, e.Message);
                }
                if (clock.Elapsed >= deadline)
                    break;
                if (m.Ok)
                    mine.Add(m.Milliseconds);
                else
                {
                    myErrors++;
                    Interlocked.CompareExchange(ref firstError, m.Error, null);
                }
            }
            lock (latencies)
            {
                latencies.AddRange(mine);
                errors += myErrors;
            }
        }, CancellationToken.None)));
        var elapsed = seconds;
        foreach (var worker in workers)
            worker.User.Dispose();
        return ScenarioResult.From(scenario.Name, scenario.Description, latencies, errors, elapsed, firstError);
    }

    private static Worker NewWorker(Scenario scenario, List<CustomerPlan> customers, List<AgentPlan> agents, int index, int concurrency)
    {
        if (scenario.ForAgents)
        {
            var agent = agents[index % agents.Count];
            // Workers sharing an agent take turns over the agent's tickets, so no two ever reply to the same one.
            var sharing = (concurrency - 1 - index % agents.Count) / agents.Count + 1;
            var slot = index / agents.Count;
            var tickets = agent.ReplyTickets.Where((_, i) => i % sharing == slot).ToList();
            return new Worker(agent.User.Clone(), null, agent, tickets);
        }
        var eligible = scenario.Name switch
        {
            "my-requests-later" => customers.Where(c => c.LaterPage is not null).ToList(),
            "create" => customers.Where(c => c.AssetId is not null).ToList(),
            _ => customers,
        };
        if (eligible.Count == 0)
            throw new InvalidOperationException($"No signed-in customer can run {scenario.Name}: the database has too little data.");
        var customer = eligible[index % eligible.Count];
        return new Worker(customer.User.Clone(), customer, null, []);
    }

    /// <summary>The customers with the most requests (so later pages exist), each with their request nearest to 12 public comments.</summary>
    private static async Task<List<CustomerPlan>> CustomersAsync(Supportal.Data.AppDbContext db, Uri baseAddress, int pool, TextWriter log,
        CancellationToken cancel)
    {
        // "create" needs customers entitled today to a Bench Networks asset, which the busiest requesters may lack:
        // half the pool (the one customer of a pool of one) comes from the busiest of those who have one.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var networks = db.Contracts.Where(Supportal.Contracts.Contract.ActiveOn(today))
            .Where(c => db.Assets.Any(a => a.ContractId == c.Id && a.Product.ManufacturerId == Generator.NetworksId)).Select(c => c.Id);
        var reporters = db.ContractRegistrations.Where(r => networks.Contains(r.ContractId)).Select(r => r.UserId);
        var ids = (await BusiestAsync(db.Tickets.Where(t => reporters.Contains(t.RequesterId)), pool * 2, cancel)).Take((pool + 1) / 2)
            .Concat(await BusiestAsync(db.Tickets, pool * 4, cancel)).Distinct().ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id) && u.Email!.StartsWith("customer"))
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancel);
        var plans = new List<CustomerPlan>();
        foreach (var id in ids.Where(emails.ContainsKey).Take(pool))
        {
            var requests = await db.Tickets.Where(t => t.RequesterId == id)
                .Select(t => new { t.Id, Comments = db.TicketComments.Count(c => c.TicketId == t.Id && c.IsPublic) }).ToListAsync(cancel);
            var request = requests.OrderBy(r => Math.Abs(r.Comments - 12)).ThenBy(r => r.Id).First();
            var user = new VirtualUser(baseAddress) { Email = emails[id], Id = id };
            await user.SignInAsync(Generator.Password, c => SignInCodeAsync(db, user.Email, c), log, cancel);
            plans.Add(new CustomerPlan(user, request.Id, request.Comments, await LaterPageAsync(user, cancel), await AssetAsync(user, cancel)));
        }
        if (plans.Count == 0)
            throw new InvalidOperationException("No generated customer has requests: seed the database with the seed command first.");
        var comments = string.Join(", ", plans.Select(p => p.RequestComments).Distinct());
        log.WriteLine($"  customers' request pages have {comments} public comments; {plans.Count(p => p.LaterPage is not null)} have a later page, " +
            $"{plans.Count(p => p.AssetId is not null)} a Bench Networks asset to report on.");
        return plans;
    }

    /// <summary>The code in the newest sign-in mail to the address: six digits in its subject.</summary>
    private static async Task<string> SignInCodeAsync(Supportal.Data.AppDbContext db, string email, CancellationToken cancel)
    {
        var subject = await db.OutboxMessages.Where(m => m.ToAddress == email).OrderByDescending(m => m.Id).Select(m => m.Subject).FirstAsync(cancel);
        return Regex.Match(subject, @"\b\d{6}\b").Value;
    }

    private static Task<List<Guid>> BusiestAsync(IQueryable<Ticket> tickets, int take, CancellationToken cancel) =>
        tickets.GroupBy(t => t.RequesterId).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(take).ToListAsync(cancel);

    /// <summary>The third page of My requests, or the last one there is after the first.</summary>
    private static async Task<string?> LaterPageAsync(VirtualUser user, CancellationToken cancel)
    {
        string? later = null;
        var page = "/Tickets";
        for (var i = 0; i < 2; i++)
        {
            var next = NextLink().Match(await user.GetPageAsync(page, cancel));
            if (!next.Success)
                break;
            later = page = System.Net.WebUtility.HtmlDecode(next.Groups[1].Value);
        }
        return later;
    }

    /// <summary>An asset of the manufacturer with a required question ("Bench Networks"), so the post answers it.</summary>
    private static async Task<int?> AssetAsync(VirtualUser user, CancellationToken cancel)
    {
        var rows = AssetRow().Matches(await user.GetPageAsync("/Tickets/New?kind=support", cancel));
        var withQuestion = rows.FirstOrDefault(r => r.Groups[2].Value.Contains("Bench Networks", StringComparison.Ordinal));
        return withQuestion is null ? null : int.Parse(withQuestion.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Generated agents, each with open tickets of their groups to reply to, none shared between agents.</summary>
    private static async Task<List<AgentPlan>> AgentsAsync(Supportal.Data.AppDbContext db, Uri baseAddress, int pool,
        TextWriter log, CancellationToken cancel)
    {
        var emails = Enumerable.Range(1, pool).Select(i => $"agent{i}@bench.test").ToList();
        var agents = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.Email }).ToListAsync(cancel);
        var taken = new HashSet<long>();
        // Enough tickets that each gets only a few replies in a run: replying over and over to the same few would
        // measure pages with hundreds of comments, which agents rarely open.
        var perAgent = ReplyTicketsPerAgent;
        var plans = new List<AgentPlan>();
        foreach (var agent in agents.OrderBy(a => emails.IndexOf(a.Email!)))
        {
            var groups = db.GroupMembers.Where(m => m.UserId == agent.Id).Select(m => (int?)m.GroupId);
            var candidates = await db.Tickets
                .Where(t => (t.Status == TicketStatus.New || t.Status == TicketStatus.Open) && (t.GroupId == null || groups.Contains(t.GroupId)))
                .OrderByDescending(t => t.Id).Select(t => t.Id).Take(perAgent * pool * 2).ToListAsync(cancel);
            var mine = candidates.Where(taken.Add).Take(perAgent).ToList();
            if (mine.Count == 0)
                continue;
            var user = new VirtualUser(baseAddress) { Email = agent.Email!, Id = agent.Id };
            await user.SignInAsync(Generator.Password, c => SignInCodeAsync(db, user.Email, c), log, cancel);
            plans.Add(new AgentPlan(user, mine));
        }
        if (plans.Count == 0)
            throw new InvalidOperationException("No generated agent has open tickets: seed the database with the seed command first.");
        return plans;
    }

    [GeneratedRegex(@"rel=""next""[^>]*?href=""([^""]+)""")]
    private static partial Regex NextLink();

    [GeneratedRegex(@"data-asset-row=""(\d+)""(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex AssetRow();
}

/// <summary>Samples the app's resident memory (VmRSS in /proc/PID/status) a few times a second and keeps the peak.</summary>
public sealed class RssSampler : IDisposable
{
    private readonly Timer? timer;
    private long peakKb;

    public RssSampler(int pid)
    {
        if (pid > 0 && File.Exists($"/proc/{pid}/status"))
            timer = new Timer(_ => Sample(pid), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public double? PeakMb => timer is null ? null : Math.Round(Interlocked.Read(ref peakKb) / 1024.0, 1);

    private void Sample(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture, out var kb) && kb > Interlocked.Read(ref peakKb))
                Interlocked.Exchange(ref peakKb, kb);
        }
        catch (IOException)
        {
            // The app has exited; the peak so far stands.
        }
    }

    public void Dispose() => timer?.Dispose();
}
