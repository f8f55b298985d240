using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Bench;

/// <summary>
/// Fills a migrated, empty database with a help desk's history: organizations (a few own most tickets), their
/// customers, contracts and assets, 60 agents in four teams, and tickets over three years with replies, internal
/// notes, people copied, tags, file metadata and the SLA targets of the ones still open. The same seed gives the
/// same data. Everything else scales with the ticket count (1,000,000 tickets: 2,000 organizations, 50,000
/// customers, 5,000 contracts, 40,000 assets, 20,000 help-center articles in each language).
/// </summary>
public sealed partial class Generator(AppDbContext db, TextWriter log, int seed)
{
    public const string Password = "Bench-Password-2026";
    public const int AgentCount = 60;
    public const int BatchSize = 20_000;

    /// <summary>The manufacturer whose support requests must answer a required question ("Firmware version").</summary>
    public const int NetworksId = 1;

    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly Random random = new(seed);
    private readonly BulkWriter writer = new(db);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private int[] groupIds = [];
    private Guid[][] agentsByGroup = [];
    private Guid[] customers = [];
    private int[] customerOrganization = [];
    private int[][] customersOfOrganization = [];
    private int[][] assetsOfOrganization = [];

    /// <param name="articles">Help-center articles, each in both languages; by default scaled like the rest, at least a few hundred.</param>
    public async Task RunAsync(int tickets, int? articles = null)
    {
        var scale = tickets / 1_000_000.0;
        var organizations = Math.Max(10, (int)(2_000 * scale));
        await PeopleAsync(organizations, Math.Max(50, (int)(50_000 * scale)));
        await ContractsAsync(organizations, Math.Max(10, (int)(5_000 * scale)), Math.Max(40, (int)(40_000 * scale)));
        await TicketsAsync(tickets);
        await HelpCenterAsync(articles ?? Math.Max(300, (int)(20_000 * scale)));
        await writer.ContinueSequencesAsync();
        log.WriteLine($"Done in {clock.Elapsed:hh\\:mm\\:ss}.");
    }

    /// <summary>Agents in the two seeded teams and two more; customers, each a member of one organization.</summary>
    private async Task PeopleAsync(int organizationCount, int customerCount)
    {
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var groups = new List<Group>
        {
            new() { Id = 3, Name = "Hardware team", CalendarId = 1 },
            new() { Id = 4, Name = "Network team", CalendarId = 2 },
        };
        await writer.WriteAsync(groups);
        groupIds = [1, 2, 3, 4];

        var agents = Enumerable.Range(1, AgentCount).Select(i => User($"agent{i}@bench.test", Names.First(i), Names.Last(i), i % 2 == 0 ? "en" : "pl", hash)).ToList();
        await writer.WriteAsync(agents);
        var agentRole = Guid.Parse("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a02");
        await writer.WriteAsync(agents.Select(a => new IdentityUserRole<Guid> { UserId = a.Id, RoleId = agentRole }).ToList());
        agentsByGroup = groupIds.Select((_, g) => agents.Where((_, i) => i % groupIds.Length == g).Select(a => a.Id).ToArray()).ToArray();
        await writer.WriteAsync(agents.Select((a, i) => new GroupMember { Id = i + 1, GroupId = groupIds[i % groupIds.Length], UserId = a.Id }).ToList());

        var orgs = Enumerable.Range(1, organizationCount).Select(i => new Organization
        {
            Id = i, Name = $"{Names.Company(i)} {i}", SharesRequests = i % 3 == 0, CreatedAt = Now.AddYears(-3),
        }).ToList();
        await writer.WriteAsync(orgs);

        var users = new List<ApplicationUser>(customerCount);
        customerOrganization = new int[customerCount];
        for (var i = 0; i < customerCount; i++)
        {
            users.Add(User($"customer{i + 1}@bench.test", Names.First(i + 7), Names.Last(i + 3), random.NextDouble() < 0.6 ? "pl" : "en", hash));
            customerOrganization[i] = Skewed(organizationCount);
        }
        for (var start = 0; start < users.Count; start += BatchSize)
            await writer.WriteAsync(users.Skip(start).Take(BatchSize).ToList());
        customers = users.Select(u => u.Id).ToArray();
        await writer.WriteAsync(users.Select((u, i) => new OrganizationMember
        {
            Id = i + 1, OrganizationId = customerOrganization[i], UserId = u.Id, JoinedAt = u.CreatedAt,
        }).ToList());
        customersOfOrganization = Enumerable.Range(0, organizationCount + 1)
            .Select(o => Enumerable.Range(0, customerCount).Where(c => customerOrganization[c] == o).ToArray()).ToArray();
        log.WriteLine($"{AgentCount} agents, {organizationCount} organizations, {customerCount} customers ({clock.Elapsed:mm\\:ss})");
    }

    private ApplicationUser User(string email, string first, string last, string language, string hash) => new()
    {
        Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), FirstName = first, LastName = last, Language = language,
        TimeZone = "Europe/Warsaw", CreatedAt = Now.AddDays(-random.Next(30, 1100)),
    };

    /// <summary>Contracts of skewed organizations with the seeded products as assets; customers registered to their organization's.</summary>
    private async Task ContractsAsync(int organizationCount, int contractCount, int assetCount)
    {
        var products = await CatalogAsync();
        var contracts = Enumerable.Range(1, contractCount).Select(i => new Contract
        {
            Id = i, Number = $"BENCH-{i:000000}", ActivationKeyHash = "bench", KeyIssuedAt = Now.AddYears(-3),
            OrganizationId = i <= organizationCount ? i : Skewed(organizationCount), ServiceLevelId = random.NextDouble() < 0.2 ? 2 : 1,
            StartsOn = DateOnly.FromDateTime(Now.AddYears(-3)), EndsOn = DateOnly.FromDateTime(Now.AddYears(random.Next(-1, 3) == -1 ? -1 : 2)),
            CreatedAt = Now.AddYears(-3),
        }).ToList();
        await writer.WriteAsync(contracts);
        var assets = Enumerable.Range(1, assetCount).Select(i => new Asset
        {
            Id = i, ContractId = (i - 1) % contractCount + 1, ProductId = products[i % products.Length],
            SerialNumber = $"SN{i:0000000}", CreatedAt = Now.AddYears(-3),
        }).ToList();
        await writer.WriteAsync(assets);
        var organizationOf = contracts.ToDictionary(c => c.Id, c => c.OrganizationId);
        assetsOfOrganization = Enumerable.Range(0, organizationCount + 1)
            .Select(o => assets.Where(a => organizationOf[a.ContractId] == o).Select(a => a.Id).ToArray()).ToArray();
        var contractsOf = contracts.GroupBy(c => c.OrganizationId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        var registrations = new List<ContractRegistration>();
        for (var c = 0; c < customers.Length; c++)
            if (contractsOf.TryGetValue(customerOrganization[c], out var own))
                registrations.Add(new ContractRegistration
                {
                    Id = registrations.Count + 1, ContractId = own[c % own.Length], UserId = customers[c], RegisteredAt = Now.AddYears(-2),
                });
        await writer.WriteAsync(registrations);
        log.WriteLine($"{contractCount} contracts, {assetCount} assets, {registrations.Count} registrations ({clock.Elapsed:mm\\:ss})");
    }

    /// <summary>Two manufacturers with five products each; one asks support requests for a firmware version.</summary>
    private async Task<int[]> CatalogAsync()
    {
        await writer.WriteAsync(new List<Manufacturer> { new() { Id = NetworksId, Name = "Bench Networks" }, new() { Id = 2, Name = "Bench Printing" } });
        var products = Enumerable.Range(1, 10).Select(i => new Product
        {
            Id = i, ManufacturerId = i <= 5 ? 1 : 2, Name = i <= 5 ? $"Firewall BN-{i}00" : $"Printer BP-{i}0", Code = $"BENCH-{i:00}",
        }).ToList();
        await writer.WriteAsync(products);
        await writer.WriteAsync(new List<AdditionalField>
        {
            new() { Id = 1, ManufacturerId = 1, LabelEn = "Firmware version", LabelPl = "Wersja firmware", Type = FieldType.Text, Required = true, Order = 1 },
        });
        return products.Select(p => p.Id).ToArray();
    }

    private async Task TicketsAsync(int count)
    {
        var ids = new Ids();
        var span = TimeSpan.FromDays(3 * 365);
        for (var done = 0; done < count;)
        {
            var batch = new TicketBatch();
            var size = Math.Min(BatchSize, count - done);
            for (var i = 0; i < size; i++)
            {
                // Later tickets are more frequent (the business grew): the square root bends creation times toward now.
                var created = Now - span * (1 - Math.Sqrt((done + i + 1) / (double)count)) - TimeSpan.FromMinutes(random.Next(1, 600));
                AddTicket(batch, ids, Supportal.Tickets.Ticket.FirstNumber + done + i, created);
            }
            await batch.WriteAsync(writer);
            done += size;
            log.WriteLine($"{done:N0} of {count:N0} tickets, {ids.Comment:N0} comments ({clock.Elapsed:mm\\:ss})");
        }
    }

    private void AddTicket(TicketBatch batch, Ids ids, long number, DateTime created)
    {
        var organization = Skewed(customersOfOrganization.Length - 1);
        var people = customersOfOrganization[organization];
        var requester = people.Length > 0 ? people[random.Next(people.Length)] : random.Next(customers.Length);
        organization = customerOrganization[requester];
        var language = random.NextDouble() < 0.6 ? "pl" : "en";
        var group = random.NextDouble() < 0.8 ? (language == "pl" ? 0 : 1) : random.Next(2, 4);
        var age = Now - created;
        var status = age > TimeSpan.FromDays(21) && random.NextDouble() < 0.97 ? TicketStatus.Closed : Pick(
            (TicketStatus.New, 8), (TicketStatus.Open, 30), (TicketStatus.Pending, 15), (TicketStatus.OnHold, 5), (TicketStatus.Solved, 20),
            (TicketStatus.Closed, 22));
        var assets = assetsOfOrganization[organization];
        var support = assets.Length > 0 && random.NextDouble() < 0.5;
        var (topic, body) = Texts.Problem(random, language);
        var ticket = new Ticket
        {
            Id = number, Kind = support ? TicketKind.Support : TicketKind.Administrative, Subject = topic, Status = status,
            Priority = Pick((TicketPriority.Low, 20), (TicketPriority.Normal, 60), (TicketPriority.High, 15), (TicketPriority.Urgent, 5)),
            RequesterId = customers[requester], OrganizationId = organization, AssetId = support ? assets[random.Next(assets.Length)] : null,
            Language = language, CreatedAt = created, UpdatedAt = created, GroupId = groupIds[group],
            AssigneeId = status == TicketStatus.New ? null : agentsByGroup[group][random.Next(agentsByGroup[group].Length)],
        };
        batch.Tickets.Add(ticket);

        var at = created;
        var comments = random.Next(1, 13);
        for (var c = 0; c < comments; c++)
        {
            var byAgent = c % 2 == 1 && ticket.AssigneeId is not null;
            var comment = new TicketComment
            {
                Id = ++ids.Comment, TicketId = number, AuthorId = byAgent ? ticket.AssigneeId!.Value : ticket.RequesterId,
                Body = c == 0 ? body : Texts.Reply(random, language, byAgent), IsPublic = !byAgent || random.NextDouble() > 0.15, CreatedAt = at,
            };
            batch.Comments.Add(comment);
            if (byAgent && comment.IsPublic && ticket.FirstReplyAt is null)
                ticket.FirstReplyAt = at;
            if (comment.IsPublic)
                ticket.UpdatedAt = at;
            if (random.NextDouble() < 0.02)
                batch.Attachments.Add(new TicketAttachment
                {
                    Id = ++ids.Attachment, TicketId = number, CommentId = comment.Id, FileName = $"log-{number}.txt", ContentType = "text/plain",
                    Size = random.Next(1_000, 2_000_000), Sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000000000000000000000000000",
                    UploadedById = comment.AuthorId, CreatedAt = at,
                });
            at += TimeSpan.FromMinutes(random.Next(5, (int)Math.Clamp(age.TotalMinutes / comments, 6, 2 * 24 * 60)));
            if (at > Now)
                at = Now;
        }
        if (status is TicketStatus.Solved or TicketStatus.Closed)
            ticket.SolvedAt = ticket.UpdatedAt;

        if (random.NextDouble() < 0.1 && people.Length > 1)
        {
            var cc = people[random.Next(people.Length)];
            if (cc != requester)
                batch.Ccs.Add(new TicketCc { Id = ++ids.Cc, TicketId = number, UserId = customers[cc], AddedAt = created });
        }
        if (random.NextDouble() < 0.3)
            batch.Tags.Add(new TicketTag { Id = ++ids.Tag, TicketId = number, Tag = Texts.Tags[random.Next(Texts.Tags.Length)] });
        if (status is not (TicketStatus.Solved or TicketStatus.Closed))
            Targets(batch, ids, ticket);
    }

    /// <summary>Open tickets carry their targets; some are due soon, some already breached (the SLA view's rows).</summary>
    private static void Targets(TicketBatch batch, Ids ids, Ticket ticket)
    {
        var paused = ticket.Status is TicketStatus.Pending or TicketStatus.OnHold;
        var first = batch.Targets.Count;
        foreach (var metric in new[] { SlaMetric.FirstReply, SlaMetric.Resolution })
        {
            var target = metric == SlaMetric.FirstReply ? 8 * 3600 : 40 * 3600;
            var met = metric == SlaMetric.FirstReply && ticket.FirstReplyAt is not null;
            var due = ticket.CreatedAt.AddSeconds(target);
            batch.Targets.Add(new TicketSla
            {
                Id = ++ids.Target, TicketId = ticket.Id, Metric = metric, TargetSeconds = target,
                DueAt = met || paused ? null : due, AtRiskAt = met || paused ? null : due.AddSeconds(-target / 4),
                LeftSecondsWhilePaused = paused && !met ? target / 2 : null, FulfilledAt = met ? ticket.FirstReplyAt : null,
                BreachedAt = !met && !paused && due < Now ? due : null,
            });
        }
        ticket.SlaAtRiskAt = SlaClock.AtRiskSince(batch.Targets.Skip(first));
    }

    /// <summary>An index below <paramref name="count"/> (from 1), most often a small one: a few customers own most tickets.</summary>
    private int Skewed(int count) => 1 + (int)(count * Math.Pow(random.NextDouble(), 3));

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
            if ((roll -= weight) < 0)
                return value;
        return choices[^1].Value;
    }

    private sealed class Ids
    {
        public long Comment, Attachment, Cc, Tag, Target;
    }

    /// <summary>One batch's rows, written parents first.</summary>
    private sealed class TicketBatch
    {
        public List<Ticket> Tickets { get; } = [];
        public List<TicketComment> Comments { get; } = [];
        public List<TicketAttachment> Attachments { get; } = [];
        public List<TicketCc> Ccs { get; } = [];
        public List<TicketTag> Tags { get; } = [];
        public List<TicketSla> Targets { get; } = [];

        public async Task WriteAsync(BulkWriter writer)
        {
            await writer.WriteAsync(Tickets);
            await writer.WriteAsync(Comments);
            await writer.WriteAsync(Attachments);
            await writer.WriteAsync(Ccs);
            await writer.WriteAsync(Tags);
            await writer.WriteAsync(Targets);
        }
    }
}
