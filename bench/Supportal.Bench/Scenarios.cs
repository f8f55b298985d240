using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Supportal.Bench;

/// <summary>A signed-in customer and what the scenarios need of them, read from the database and their own pages.</summary>
public sealed record CustomerPlan(VirtualUser User, long RequestTicket, int RequestComments, string? LaterPage, int? AssetId);

/// <summary>A signed-in agent; each worker replying as them gets its own tickets, so replies never collide on a version.</summary>
public sealed record AgentPlan(VirtualUser User, List<long> ReplyTickets);

/// <summary>One worker's browser for a scenario: a copy of a signed-in session, and its share of the tickets.</summary>
public sealed class Worker(VirtualUser user, CustomerPlan? customer, AgentPlan? agent, IReadOnlyList<long> replyTickets)
{
    private int next;

    public VirtualUser User { get; } = user;
    public CustomerPlan Customer => customer ?? throw new InvalidOperationException("Not a customer worker.");
    public AgentPlan Agent => agent ?? throw new InvalidOperationException("Not an agent worker.");
    public long NextReplyTicket() => replyTickets[next++ % replyTickets.Count];
    public int Iteration { get; set; }

    /// <summary>The filled "Create new ticket" form, read once: its antiforgery token stays valid for the session.</summary>
    public HtmlForm? CreateForm { get; set; }
}

/// <summary>The outcome of one measured request: success only for the expected status.</summary>
public readonly record struct Measurement(bool Ok, double Milliseconds, string? Error);

public sealed record Scenario(string Name, string Description, bool ForAgents, Func<Worker, CancellationToken, Task<Measurement>> RunAsync);

/// <summary>
/// What the load benchmark measures. Each is one request a real browser makes; for the two forms the page is read
/// first (antiforgery token, version, fields) and only the post is timed.
/// </summary>
public static partial class Scenarios
{
    /// <summary>
    /// A word of about one generated ticket in twenty, clustered as real words are: it is English, and the Polish team's
    /// open tickets hardly ever hold it, so its agents' search reads their whole queue to find none.
    /// </summary>
    public const string SearchWord = "firewall";

    /// <param name="searchNumber">A ticket number for the agents' search.</param>
    /// <param name="articles">Help-center articles a signed-in customer may read; the article scenario takes them in turn.</param>
    public static IReadOnlyList<Scenario> All(long searchNumber, IReadOnlyList<int> articles)
    {
        var nextArticle = 0;
        return
        [
            new("my-requests", "Customer: My requests, first page", false, (w, c) => GetAsync(w, "/Tickets", c)),
            new("my-requests-later", "Customer: My requests, a later page", false, (w, c) => GetAsync(w, w.Customer.LaterPage!, c)),
            new("request", "Customer: request page (12 comments)", false, (w, c) => GetAsync(w, $"/Tickets/{w.Customer.RequestTicket}", c)),
            new("create", "Customer: create support request", false, CreateAsync),
            new("all-open", "Agent: All open", true, (w, c) => GetAsync(w, "/Agent?view=AllOpen", c)),
            new("mine", "Agent: Mine", true, (w, c) => GetAsync(w, "/Agent?view=Mine", c)),
            new("sla", "Agent: SLA at risk or breached", true, (w, c) => GetAsync(w, "/Agent?view=SlaAtRisk", c)),
            new("search-word", $"Agent: search \"{SearchWord}\"", true, (w, c) => GetAsync(w, $"/Agent?view=AllOpen&q={SearchWord}", c)),
            new("search-number", "Agent: search a ticket number", true, (w, c) => GetAsync(w, $"/Agent?view=AllOpen&q=%23{searchNumber}", c)),
            // The page a reply reads before it posts, alone: a reply's rate counts both, its latency the post only.
            new("agent-ticket", "Agent: ticket page", true, (w, c) => GetAsync(w, $"/Agent/Tickets/{w.NextReplyTicket()}", c)),
            new("reply", "Agent: public reply", true, ReplyAsync),
            new("help-home", "Customer: help center home", false, (w, c) => GetAsync(w, "/", c)),
            new("article", "Customer: help-center article", false, (w, c) => articles.Count == 0
                ? Task.FromResult(new Measurement(false, 0, "The database has no public articles: seed it with the seed command."))
                : GetAsync(w, $"/KnowledgeBase/Article/{articles[(Interlocked.Increment(ref nextArticle) & int.MaxValue) % articles.Count]}", c)),
            new("kb-search", $"Customer: help-center search \"{ArticleTexts.SearchWord}\"", false,
                (w, c) => GetAsync(w, $"/KnowledgeBase/Search?q={ArticleTexts.SearchWord}", c)),
            new("kb-suggest", $"Customer: suggestions for \"{ArticleTexts.SuggestPrefix}\"", false,
                (w, c) => GetAsync(w, $"/KnowledgeBase/Suggest?q={ArticleTexts.SuggestPrefix}", c)),
        ];
    }

    private static Task<Measurement> GetAsync(Worker worker, string url, CancellationToken cancel) =>
        TimedAsync(worker.User, HttpMethod.Get, url, null, HttpStatusCode.OK, cancel);

    /// <summary>
    /// A support request for the customer's asset, answering the manufacturer's questions. The form is read once a
    /// worker (it stays the same, token included), so the rate is that of the posts, as the target counts it.
    /// </summary>
    private static async Task<Measurement> CreateAsync(Worker worker, CancellationToken cancel)
    {
        var url = $"/Tickets/New?kind=support&asset={worker.Customer.AssetId}";
        worker.CreateForm ??= NewTicketForm(await worker.User.GetPageAsync(url, cancel));
        var form = worker.CreateForm;
        // Never the searched word: the new requests are the newest open tickets, and holding it they would answer the
        // search from the first rows read instead of the generated data.
        form.Set("Input.Subject", $"Load test: the VPN tunnel drops connections ({++worker.Iteration})");
        return await TimedAsync(worker.User, HttpMethod.Post, form.Action ?? url, form.Multipart(), HttpStatusCode.Redirect, cancel);
    }

    private static HtmlForm NewTicketForm(string page)
    {
        var form = HtmlForm.Find(page, "data-new-ticket") ?? throw new InvalidOperationException("The new ticket page has no form.");
        form.Set("Input.Description", "Since the update the VPN tunnel drops connections every few minutes.\n\nAbout 40 users are affected.");
        form.Set("Input.Priority", "Normal");
        foreach (var (name, value) in form.Values.ToList())
        {
            if (!name.StartsWith("Fields[", StringComparison.Ordinal) || value.Length > 0)
                continue;
            form.Set(name, form.Options.TryGetValue(name, out var options) ? options.First(o => o.Length > 0)
                : form.Types.GetValueOrDefault(name) switch { "number" => "4", "date" => "2026-01-15", _ => "7.2.4" });
        }
        if (!form.Values.Any(v => v.Key.StartsWith("Fields[", StringComparison.Ordinal)))
            throw new InvalidOperationException("The new ticket form asks none of the manufacturer's questions; the asset should be Bench Networks'.");
        return form;
    }

    /// <summary>A public reply that keeps the ticket's status, posting the version the agent saw.</summary>
    private static async Task<Measurement> ReplyAsync(Worker worker, CancellationToken cancel)
    {
        var ticket = worker.NextReplyTicket();
        var form = HtmlForm.Find(await worker.User.GetPageAsync($"/Agent/Tickets/{ticket}", cancel), "data-ticket-form")
            ?? throw new InvalidOperationException($"Ticket {ticket} has no reply form.");
        form.Set("Input.Body", $"Thank you, we are looking into it ({++worker.Iteration}).");
        form.Set("Input.Mode", "Public");
        return await TimedAsync(worker.User, HttpMethod.Post, form.Action ?? $"/Agent/Tickets/{ticket}?handler=Save", form.Multipart(),
            HttpStatusCode.Redirect, cancel);
    }

    private static async Task<Measurement> TimedAsync(VirtualUser user, HttpMethod method, string url, HttpContent? content,
        HttpStatusCode expected, CancellationToken cancel)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await user.SendAsync(method, url, content, cancel);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        content?.Dispose();
        if (response.StatusCode == expected)
            return new Measurement(true, elapsed, null);
        var problem = response.StatusCode == HttpStatusCode.OK && method == HttpMethod.Post
            ? $" (form refused: {FirstError(await response.Content.ReadAsStringAsync(cancel))})" : "";
        return new Measurement(false, elapsed, $"{method} {url} answered {(int)response.StatusCode}{problem}");
    }

    /// <summary>The first message the page shows in an error or conflict box, so a refused form says why.</summary>
    private static string FirstError(string html) => ErrorPattern().Matches(html)
        .Select(m => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")), @"\s+", " ").Trim())
        .FirstOrDefault(text => text.Length > 0) ?? "no message";

    [GeneratedRegex(@"class=""[^""]*(?:invalid-feedback|alert-danger|alert-warning)[^""]*""[^>]*>(.{0,400}?)</(?:div|span)>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}
