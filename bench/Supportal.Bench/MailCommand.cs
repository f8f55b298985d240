using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Email;
using Supportal.Platform;

namespace Supportal.Bench;

/// <summary>
/// The <c>mail</c> command: starts a local SMTP server that discards what it gets and one or more app nodes sending to
/// it, queues a backlog of bulk mail in one transaction, and measures how fast the nodes drain it and how long sign-in
/// codes queued behind it wait. The messages are written by the app's own <see cref="Mailer"/>, so their size and
/// layout are those of real mail.
/// </summary>
public static class MailCommand
{
    /// <summary>Rows a COPY (or insert run) carries, so the bodies of a large backlog are never all in memory at once.</summary>
    private const int QueueBatch = 5_000;

    /// <summary>The generator's customer count at a million tickets: the backlog goes round their addresses.</summary>
    private const int Customers = 50_000;

    /// <summary>
    /// The first sign-in code is queued this long after the first message of the backlog left: early in a drain the
    /// database's statistics may still be those of an outbox with nothing waiting.
    /// </summary>
    private static readonly TimeSpan FirstCodeAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Shares of the backlog sent after which the later codes are queued, each once the one before has left (so a
    /// code's report gives the share actually sent when it was queued).
    /// </summary>
    private static readonly double[] LaterCodesAt = [0.4, 0.7];

    private static readonly TimeSpan CodePoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan CountPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Past the senders' back-off for a first failure (30 s): a drain that moves no message this long is stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private const string Benchmark = "This benchmark";
    private const string Database = "PostgreSQL sessions on the database";
    private const string Rest = "Everything else on the machine";

    public static async Task<MailResult?> RunAsync(Options options, TextWriter log)
    {
        var messages = Math.Max(1, options.WholeNumber("messages", 100_000));
        var nodes = Math.Max(1, options.WholeNumber("nodes", 1));
        var smtpPort = options.WholeNumber("smtp-port", 2525);
        var firstPort = options.WholeNumber("port", 5300);
        var app = Path.GetFullPath(options["app"] ?? Path.Combine("src", "Supportal", "bin", "Release", "net10.0", "Supportal"));
        // Debian's python3-aiosmtpd is installed for the system's interpreter, which a version manager earlier on the
        // PATH would hide.
        var python = options["python"] ?? "/usr/bin/python3";
        var folder = options["out"] ?? Path.Combine("bench", "results");
        var smtpDefaults = new SmtpOptions();
        var connections = options.WholeNumber("smtp-connections", smtpDefaults.Connections);
        var perConnection = options.WholeNumber("messages-per-connection", smtpDefaults.MessagesPerConnection);
        if (!File.Exists(app))
        {
            Console.Error.WriteLine($"No app at {app}: build it in Release (dotnet build -c Release src/Supportal) or pass --app.");
            return null;
        }

        await using var db = Options.Context(options);
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            Console.Error.WriteLine("The database is not up to date: run the app's migrate command on it first.");
            return null;
        }
        // Mail left from an aborted run would leave first (lower ids) and count against this one's rate.
        if (await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null))
        {
            Console.Error.WriteLine("The outbox already holds unsent mail: start from a database whose outbox is drained.");
            return null;
        }
        foreach (var port in Enumerable.Range(firstPort, nodes).Prepend(smtpPort))
            if (await ChildProcess.ListensAsync(port))
            {
                Console.Error.WriteLine($"Port {port} is taken: choose others with --smtp-port and --port.");
                return null;
            }

        Directory.CreateDirectory(folder);
        // The nodes' data-protection keys, shared by them as a deployment's storage is; thrown away with the run.
        var storage = Directory.CreateTempSubdirectory("supportal-mailbench-");
        var started = DateTime.UtcNow;
        var servers = new List<ChildProcess>();
        try
        {
            log.WriteLine($"Starting the SMTP server on port {smtpPort} and {nodes} node(s)…");
            var smtp = ChildProcess.Start("SMTP server (aiosmtpd, Sink)",
                new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtpPort}", "-c", "aiosmtpd.handlers.Sink"]),
                Path.Combine(folder, "mail-smtp.log"));
            servers.Add(smtp);
            await smtp.WaitUntilAsync(() => ChildProcess.ListensAsync(smtpPort), StartTimeout);
            for (var i = 0; i < nodes; i++)
                servers.Add(StartNode(i + 1, app, firstPort + i, options, smtpPort, connections, perConnection, storage.FullName, folder));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await Task.WhenAll(servers.Skip(1).Select((node, i) => node.WaitUntilAsync(() => HealthyAsync(http, firstPort + i), StartTimeout)));

            var settings = new MailSettings(messages, nodes, connections, perConnection, new EmailOptions().PollSeconds);
            var result = await MeasureAsync(db, options, settings, servers, started, log);
            log.WriteLine();
            log.Write(result.Markdown());
            var json = result.Write(folder);
            log.WriteLine($"Written {json} and mail-latest.md beside it; the servers' output is in mail-*.log there.");
            return result;
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
            storage.Delete(recursive: true);
        }
    }

    private sealed record MailSettings(int Messages, int Nodes, int Connections, int PerConnection, int PollSeconds);

    /// <summary>An app node in Release and Production, its own port, sending over plain SMTP to the local server.</summary>
    private static ChildProcess StartNode(int number, string app, int port, Options options, int smtpPort, int connections,
        int perConnection, string storage, string folder)
    {
        // The app's folder is its content root: appsettings.json is read from there.
        var start = new ProcessStartInfo(app) { WorkingDirectory = Path.GetDirectoryName(app) };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["Portal__PublicUrl"] = $"http://127.0.0.1:{port}";
        environment["Database__Provider"] = options.Provider.ToString();
        environment["ConnectionStrings__Supportal"] = options.Connection;
        environment["Storage__Root"] = storage;
        environment["Smtp__Host"] = "127.0.0.1";
        environment["Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        environment["Smtp__Security"] = nameof(SmtpSecurity.None);
        environment["Smtp__Connections"] = connections.ToString(CultureInfo.InvariantCulture);
        environment["Smtp__MessagesPerConnection"] = perConnection.ToString(CultureInfo.InvariantCulture);
        return ChildProcess.Start($"Node {number} (Supportal)", start, Path.Combine(folder, $"mail-node{number}.log"));
    }

    private static async Task<bool> HealthyAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<MailResult> MeasureAsync(AppDbContext db, Options options, MailSettings settings,
        IReadOnlyList<ChildProcess> servers, DateTime started, TextWriter log)
    {
        var mailer = NewMailer();
        var random = new Random(options.WholeNumber("seed", 42));
        var firstId = (await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0) + 1;
        var endId = firstId + settings.Messages;

        log.WriteLine($"Queuing {settings.Messages:N0} bulk messages…");
        var queueing = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // The mailer adds each message to a context as the app's saves do; this one is never saved, as the rows
            // go in by COPY (or prepared inserts) instead.
            await using var composer = Options.Context(options);
            var writer = new BulkWriter(db);
            for (var start = 0; start < settings.Messages; start += QueueBatch)
                await writer.WriteAsync(Compose(mailer, composer, random, firstId, start, Math.Min(QueueBatch, settings.Messages - start)));
            await writer.ContinueSequencesAsync();
            await transaction.CommitAsync();
        }
        var queuedAt = DateTime.UtcNow;
        var queueSeconds = queueing.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  queued in {queueSeconds:0.0} s; draining…"));

        var cpuBefore = await CpuAsync(db, servers);
        var transactionsBefore = await TransactionsAsync(db);
        var codes = await DrainAsync(db, mailer, random, firstId, endId, queuedAt, log);
        var finishedAt = DateTime.UtcNow;
        var cpuAfter = await CpuAsync(db, servers);
        var transactionsAfter = await TransactionsAsync(db);

        var sent = await db.OutboxMessages.Where(m => m.Id >= firstId && m.Id < endId && m.SentAt != null)
            .Select(m => m.SentAt!.Value).ToListAsync();
        sent.Sort();
        var retried = await db.OutboxMessages.CountAsync(m => m.Id >= firstId && m.Attempts > 1);
        var allSent = (sent[^1] - queuedAt).TotalSeconds;
        var (low, high) = ((int)(0.1 * (sent.Count - 1)), (int)(0.9 * (sent.Count - 1)));
        var steadySeconds = (sent[high] - sent[low]).TotalSeconds;
        return new MailResult(Environment.ProcessorCount, RuntimeInformation.OSDescription, Environment.Version.ToString(),
            options.Provider.ToString(), started, settings.Messages, settings.Nodes, settings.Connections, settings.PerConnection,
            settings.PollSeconds, Math.Round(queueSeconds, 2), Math.Round((sent[0] - queuedAt).TotalSeconds, 2), Math.Round(allSent, 2),
            Math.Round(sent.Count / allSent, 1), steadySeconds > 0 ? Math.Round((high - low) / steadySeconds, 1) : 0, retried,
            transactionsBefore is { } before && transactionsAfter is { } after ? Math.Round((after - before) / (double)settings.Messages, 2) : null,
            codes, CpuUses(cpuBefore, cpuAfter, (finishedAt - queuedAt).TotalSeconds));
    }

    /// <summary>
    /// Watches the backlog leave and queues the sign-in codes behind it as it goes, one at a time; returns each code's
    /// wait, from when it was queued to when a node recorded it sent.
    /// </summary>
    private static async Task<List<CodeDelay>> DrainAsync(AppDbContext db, Mailer mailer, Random random, long firstId, long endId,
        DateTime queuedAt, TextWriter log)
    {
        var total = endId - firstId;
        var codes = new List<CodeDelay>();
        (long Id, DateTime QueuedAt, double AfterSeconds, int AtPercent)? waiting = null;
        TimeSpan? started = null;
        var remaining = total;
        var reported = 0;
        var clock = Stopwatch.StartNew();
        var counted = -CountPoll;
        var moved = TimeSpan.Zero;
        while (remaining > 0 || waiting is not null)
        {
            if (waiting is { } code && await db.OutboxMessages.Where(m => m.Id == code.Id).Select(m => m.SentAt).SingleAsync() is { } sentAt)
            {
                codes.Add(new CodeDelay(code.AfterSeconds, code.AtPercent, Math.Round((sentAt - code.QueuedAt).TotalSeconds, 3)));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  the sign-in code queued {code.AfterSeconds:0.0} s after the backlog, {code.AtPercent}% sent, left after {codes[^1].Seconds:0.00} s"));
                waiting = null;
                moved = clock.Elapsed;
            }
            if (clock.Elapsed - counted >= CountPoll)
            {
                // Messages leave in id order, so the first unsent one tells how far the drain is (give or take the
                // batches in flight) from the head of the sender's own index; a count would read every waiting row.
                var next = await db.OutboxMessages
                    .Where(m => m.Priority == MailPriority.Bulk && m.SentAt == null && m.FailedAt == null && m.Id >= firstId && m.Id < endId)
                    .OrderBy(m => m.Priority).ThenBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync();
                var left = next is { } id ? endId - id : 0;
                counted = clock.Elapsed;
                if (left != remaining)
                    moved = counted;
                if (left < total)
                    started ??= counted;
                remaining = left;
                var done = 1 - remaining / (double)total;
                for (; reported < 9 && done >= (reported + 1) / 10.0; reported++)
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(reported + 1) * 10}% sent {(DateTime.UtcNow - queuedAt).TotalSeconds:0.0} s after queuing"));
                var due = codes.Count == 0
                    ? counted - started >= FirstCodeAfter
                    : codes.Count <= LaterCodesAt.Length && done >= LaterCodesAt[codes.Count - 1];
                if (waiting is null && remaining > 0 && due)
                    waiting = await QueueCodeAsync(db, mailer, random, (DateTime.UtcNow - queuedAt).TotalSeconds, (int)Math.Round(done * 100));
            }
            if (clock.Elapsed - moved > Stuck)
                throw new TimeoutException($"Nothing was sent for {Stuck.TotalSeconds:0} s; the nodes' output is in the mail-node*.log files.");
            await Task.Delay(CodePoll);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all sent {(DateTime.UtcNow - queuedAt).TotalSeconds:0.0} s after queuing"));
        return codes;
    }

    /// <summary>Queues a sign-in code exactly as the sign-in page does, urgent, for one of the generated customers.</summary>
    private static async Task<(long, DateTime, double, int)> QueueCodeAsync(AppDbContext db, Mailer mailer, Random random,
        double afterSeconds, int atPercent)
    {
        var user = new ApplicationUser
        {
            Email = "customer1@bench.test", UserName = "customer1@bench.test", FirstName = Names.First(7), LastName = Names.Last(3), Language = "pl",
        };
        new AccountMails(mailer, db).SignInCode(user, random.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture));
        var message = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (message.Id, message.CreatedAt, Math.Round(afterSeconds, 1), atPercent);
    }

    /// <summary>
    /// The app's mailer with its default settings and the app's own texts, which the bench's output carries as the
    /// app's resources.
    /// </summary>
    private static Mailer NewMailer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return new Mailer(services.GetRequiredService<IStringLocalizer<SharedResource>>(),
            Microsoft.Extensions.Options.Options.Create(new EmailOptions()), Microsoft.Extensions.Options.Options.Create(new PortalOptions()),
            TimeProvider.System);
    }

    /// <summary>One batch of notices to the generated customers, in their languages, with ids that continue the table's.</summary>
    private static List<OutboxMessage> Compose(Mailer mailer, AppDbContext composer, Random random, long firstId, int start, int count)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        var batch = new List<OutboxMessage>(count);
        for (var i = start; i < start + count; i++)
        {
            var customer = i % Customers;
            var (first, last) = (Names.First(customer + 7), Names.Last(customer + 3));
            var language = random.NextDouble() < 0.6 ? "pl" : "en";
            batch.Add(mailer.Queue(composer, new MailRecipient($"customer{customer + 1}@bench.test", $"{first} {last}", language),
                _ => Texts.Announcement(random, language, first, day), MailPriority.Bulk));
        }
        composer.ChangeTracker.Clear();
        for (var i = 0; i < count; i++)
            batch[i].Id = firstId + start + i;
        return batch;
    }

    /// <summary>
    /// CPU time so far of the servers, this process and the database's sessions on this machine, by pid, and the
    /// machine's busy and total time from /proc/stat (Linux only; without it the rest of the machine is not shown).
    /// </summary>
    private sealed record CpuReading(Dictionary<string, TimeSpan> Processes, Dictionary<int, TimeSpan> Database, (long Busy, long All)? Machine);

    private static async Task<CpuReading> CpuAsync(AppDbContext db, IReadOnlyList<ChildProcess> servers)
    {
        var processes = servers.ToDictionary(s => s.Name, s => s.Cpu);
        using (var self = Process.GetCurrentProcess())
            processes[Benchmark] = self.TotalProcessorTime;
        var sessions = new Dictionary<int, TimeSpan>();
        if (db.Database.IsNpgsql())
            foreach (var pid in await db.Database.SqlQueryRaw<int>("SELECT pid AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync())
                if (SessionCpu(pid) is { } cpu)
                    sessions[pid] = cpu;
        return new CpuReading(processes, sessions, MachineTicks());
    }

    /// <summary>
    /// A session's CPU time, if its process is a PostgreSQL backend on this machine (the server may be elsewhere). The
    /// name is read from /proc: a backend rewrites its command line, from which .NET would take the name.
    /// </summary>
    private static TimeSpan? SessionCpu(int pid)
    {
        try
        {
            if (File.ReadAllText($"/proc/{pid}/comm").Trim() != "postgres")
                return null;
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first line of /proc/stat: the cores' time running anything (user, nice, system, interrupts) and in all (also
    /// idle, waiting for disks and taken by the hypervisor).
    /// </summary>
    private static (long Busy, long All)? MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
            return null;
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6], ticks.Sum());
    }

    private static List<CpuUse> CpuUses(CpuReading before, CpuReading after, double seconds)
    {
        CpuUse Use(string name, TimeSpan cpu) => new(name, Math.Round(cpu.TotalSeconds, 1), Math.Round(cpu.TotalSeconds / seconds * 100, 1));
        var uses = after.Processes.Select(p => Use(p.Key, p.Value - before.Processes.GetValueOrDefault(p.Key))).ToList();
        if (after.Database.Count > 0)
            // A session opened during the drain started from nothing; one closed during it is missed.
            uses.Add(Use(Database, after.Database.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Value - before.Database.GetValueOrDefault(s.Key))));
        if (before.Machine is { } start && after.Machine is { } end && end.All > start.All)
        {
            var busy = (end.Busy - start.Busy) / (double)(end.All - start.All) * Environment.ProcessorCount * seconds;
            uses.Add(Use(Rest, TimeSpan.FromSeconds(Math.Max(0, busy - uses.Sum(u => u.Seconds)))));
        }
        return uses;
    }

    /// <summary>Transactions committed in the database so far (PostgreSQL's statistics), or null elsewhere.</summary>
    private static async Task<long?> TransactionsAsync(AppDbContext db) => db.Database.IsNpgsql()
        ? await db.Database.SqlQueryRaw<long>("SELECT xact_commit AS \"Value\" FROM pg_stat_database WHERE datname = current_database()").SingleAsync()
        : null;
}
