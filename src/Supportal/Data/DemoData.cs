using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Data;

/// <summary>Demo people so a new user can look around at once. Runs on every start; adds only what is missing.</summary>
public static partial class DemoData
{
    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string? Role, string Language)> Users =
    [
        ("admin@example.com", "Anna", "Nowak", Roles.Admin, "pl"),
        ("agent@example.com", "Piotr", "Kowalski", Roles.Agent, "en"),
        ("orders@example.com", "Olga", "Zielińska", Roles.Orders, "pl"),
        ("customer@example.com", "Chris", "Taylor", null, "en"),
    ];

    public static async Task SeedDemoDataAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var seed = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!seed.Demo)
            return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var (email, first, last, role, language) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                FirstName = first, LastName = last, Language = language, CreatedAt = now,
            };
            Check(await users.CreateAsync(user, seed.DemoPassword));
            if (role is not null)
                Check(await users.AddToRoleAsync(user, role));
        }
        await SeedContractAsync(scope.ServiceProvider, now);
        await SeedServicesAsync(scope.ServiceProvider);
        await SeedGroupMembersAsync(scope.ServiceProvider);
        await SeedTicketsAsync(scope.ServiceProvider, now);
        await SeedKnowledgeBaseAsync(scope.ServiceProvider, now);
        await SeedDownloadsAsync(scope.ServiceProvider, now);
        await SeedStatusAsync(scope.ServiceProvider, now);
    }

    public static readonly IReadOnlyList<(string En, string Pl)> Services =
    [
        ("Customer portal", "Portal klienta"), ("E-invoicing", "E-fakturowanie"),
        ("Order management", "Zarządzanie zamówieniami"), ("Integrations API", "API integracyjne"),
    ];

    /// <summary>The platforms a service request is about, when an admin has not listed any yet.</summary>
    private static async Task SeedServicesAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Services.AnyAsync())
            return;
        db.Services.AddRange(Services.Select((s, i) => new Service { NameEn = s.En, NamePl = s.Pl, Order = i + 1 }));
        await db.SaveChangesAsync();
    }

    /// <summary>The demo agent works in the English team, the demo admin (who writes Polish) in the Polish team.</summary>
    private static async Task SeedGroupMembersAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.GroupMembers.AnyAsync())
            return;
        var staff = await db.Users.Where(u => u.Email == "agent@example.com" || u.Email == "admin@example.com")
            .Select(u => new { u.Id, u.Email }).ToListAsync();
        foreach (var person in staff)
        {
            var group = person.Email == "agent@example.com" ? Sla.SlaSeed.EnglishTeam : Sla.SlaSeed.PolishTeam;
            db.GroupMembers.Add(new Workspace.GroupMember { GroupId = group, UserId = person.Id });
        }
        await db.SaveChangesAsync();
    }

    public const string DemoSupportSubject = "VPN tunnel to the Gdańsk office drops every few hours";

    /// <summary>
    /// Three requests of the demo customer, one of each kind, one answered by the demo agent and waiting for the
    /// customer. Rows only, as TicketDesk would leave them but without its e-mails: a start has no request to
    /// build links from, and nobody should be mailed about demo data.
    /// </summary>
    private static async Task SeedTicketsAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var people = await db.Users.Where(u => u.Email == "customer@example.com" || u.Email == "agent@example.com")
            .Select(u => new { u.Id, u.Email, u.Language }).ToListAsync();
        if (people.FirstOrDefault(p => p.Email == "customer@example.com") is not { } customer
            || people.FirstOrDefault(p => p.Email == "agent@example.com") is not { } agent
            || await db.Tickets.AnyAsync(t => t.RequesterId == customer.Id))
            return;
        var asset = await db.Assets.Where(a => a.SerialNumber == "SNT200F-0001")
            .Select(a => new { a.Id, a.Contract.OrganizationId, a.Product.ManufacturerId }).FirstOrDefaultAsync();
        var fields = asset is null ? [] : await db.AdditionalFields.Where(f => f.ManufacturerId == asset.ManufacturerId && f.Required)
            .OrderBy(f => f.Order).Select(f => new { f.Id, f.LabelEn, f.LabelPl, f.Order }).ToListAsync();
        var organizationId = await db.OrganizationMembers.Where(m => m.UserId == customer.Id).OrderBy(m => m.JoinedAt)
            .Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync();
        var service = await db.Services.Where(s => s.Active).OrderBy(s => s.NameEn == "E-invoicing" ? 0 : 1).ThenBy(s => s.Order).Select(s => (int?)s.Id).FirstOrDefaultAsync();

        Ticket NewTicket(TicketKind kind, string subject, string description, DateTime at, TicketPriority priority = TicketPriority.Normal) => new()
        {
            Kind = kind, Subject = subject, Priority = priority, Status = TicketStatus.New, RequesterId = customer.Id,
            OrganizationId = organizationId, Language = customer.Language, CreatedAt = at, UpdatedAt = at,
            Comments = [new TicketComment { AuthorId = customer.Id, Body = description, CreatedAt = at }],
        };
        var administrative = NewTicket(TicketKind.Administrative, "Please add my colleague to contract DEMO-0001",
            "Marta Lis (marta.lis@example.com) takes over our firewall support. Could you give her access to DEMO-0001?", now.AddDays(-6));
        var support = NewTicket(TicketKind.Support, DemoSupportSubject,
            "The IPsec tunnel to the Gdańsk office goes down every 3–4 hours and comes back after about a minute. It started after last week's firmware update.",
            now.AddDays(-3), TicketPriority.High);
        if (asset is not null)
        {
            support.AssetId = asset.Id;
            support.OrganizationId = asset.OrganizationId;
            var answers = new Dictionary<string, string> { ["Serial number"] = "SNT200F-0001", ["Firmware version"] = "7.4.2" };
            support.Fields = fields.Where(f => answers.ContainsKey(f.LabelEn)).Select(f => new TicketFieldValue
            {
                FieldId = f.Id, LabelEn = f.LabelEn, LabelPl = f.LabelPl, ValueEn = answers[f.LabelEn], ValuePl = answers[f.LabelEn], Order = f.Order,
            }).ToList();
        }
        var reply = now.AddDays(-2);
        support.Comments.Add(new TicketComment
        {
            AuthorId = agent.Id, CreatedAt = reply,
            Body = "Thank you. Could you attach the VPN log from the time of the last drop (Log & Report → VPN Events)?",
        });
        support.Status = TicketStatus.Pending;
        support.UpdatedAt = reply;
        support.FirstReplyAt = reply;
        support.AssigneeId = agent.Id;
        var serviceRequest = NewTicket(TicketKind.Service, "Invoices stuck in the “sending” state",
            "Since this morning, invoices sent to the national e-invoicing system stay in “sending” for hours.", now.AddDays(-1));
        serviceRequest.ServiceId = service;
        serviceRequest.Impact = BusinessImpact.SomeUsers;
        serviceRequest.OccurredAt = now.AddDays(-1).AddHours(-2);
        serviceRequest.Process = "Month-end invoicing";
        // Routed and given SLA targets as TicketDesk and the workflow would, so the agent views show them.
        var routing = services.GetRequiredService<Workspace.Routing>();
        var sla = services.GetRequiredService<Sla.SlaTracker>();
        foreach (var ticket in new[] { administrative, support, serviceRequest })
        {
            ticket.GroupId = await routing.DefaultGroupAsync(ticket);
            db.Tickets.Add(ticket);
            await sla.UpdateAsync(ticket);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The maker of the demo contract's firewalls; its contract holders read the firmware guides.</summary>
    public const string FirewallMaker = "Sentinel Firewalls";

    /// <summary>
    /// The help center's demo articles (<see cref="DemoArticles"/>), published by the demo admin, each with its first
    /// version and its search rows, all in one transaction so a failed start leaves no half-indexed help center.
    /// Links between articles need the ids, so the bodies are saved once more after the first save gives them.
    /// </summary>
    private static async Task SeedKnowledgeBaseAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.KbCategories.AnyAsync())
            return;
        var editor = await db.Users.Where(u => u.Email == "admin@example.com").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        var firewallMaker = await db.Manufacturers.Where(m => m.Name == FirewallMaker).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var articles = new Dictionary<string, Article>();
        foreach (var (chapter, c) in DemoArticles.Chapters.Select((chapter, c) => (chapter, c)))
        {
            var category = new Category
            {
                NameEn = chapter.NameEn, NamePl = chapter.NamePl, DescriptionEn = chapter.DescriptionEn, DescriptionPl = chapter.DescriptionPl, Order = c + 1,
            };
            foreach (var (part, s) in chapter.Parts.Select((part, s) => (part, s)))
            {
                var section = new Section
                {
                    NameEn = part.NameEn, NamePl = part.NamePl, DescriptionEn = part.DescriptionEn, DescriptionPl = part.DescriptionPl,
                    Order = s + 1, Readers = part.Readers, ManufacturerId = part.ForFirewallOwners ? firewallMaker : null,
                };
                foreach (var (page, a) in part.Pages.Select((page, a) => (page, a)))
                {
                    var article = new Article
                    {
                        Order = a + 1, TitleEn = page.TitleEn, TitlePl = page.TitlePl, LabelsEn = page.LabelsEn, LabelsPl = page.LabelsPl,
                        BodyEn = page.BodyEn, BodyPl = page.BodyPl, Readers = page.Readers, Promoted = page.Promoted,
                        PublishedAt = now, CreatedAt = now, UpdatedAt = now, UpdatedById = editor, Version = 1,
                    };
                    section.Articles.Add(article);
                    articles.Add(page.Key, article);
                }
                category.Sections.Add(section);
            }
            db.KbCategories.Add(category);
        }
        await db.SaveChangesAsync();

        string Linked(string body) => ArticleLink().Replace(body, m => $"](/KnowledgeBase/Article/{articles[m.Groups[1].Value].Id})");
        var index = services.GetRequiredService<ArticleIndex>();
        foreach (var article in articles.Values)
        {
            article.BodyEn = Linked(article.BodyEn);
            article.BodyPl = Linked(article.BodyPl);
            db.KbArticleVersions.Add(new ArticleVersion
            {
                ArticleId = article.Id, Number = 1, TitleEn = article.TitleEn, TitlePl = article.TitlePl, BodyEn = article.BodyEn,
                BodyPl = article.BodyPl, LabelsEn = article.LabelsEn, LabelsPl = article.LabelsPl, SavedAt = now, SavedById = editor, Note = "published",
            });
        }
        await db.SaveChangesAsync();
        foreach (var article in articles.Values)
            await index.UpdateAsync(article, article.Section);
        await transaction.CommitAsync();
    }

    [GeneratedRegex(@"\]\(article:([a-z-]+)\)")]
    private static partial Regex ArticleLink();

    public const string ContractNumber = "DEMO-0001";
    public const string ContractKey = "DEMO-0001-KEY";

    /// <summary>Three vendors with different questions, two customer companies and three contracts.</summary>
    private static async Task SeedContractAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Contracts.AnyAsync(c => c.Number == ContractNumber))
            return;
        var today = DateOnly.FromDateTime(now);

        static AdditionalField Field(string en, string pl, FieldType type, bool required, int order, params (string Value, string En, string Pl)[] options) => new()
        {
            LabelEn = en, LabelPl = pl, Type = type, Required = required, Order = order,
            Options = options.Select((o, i) => new FieldOption { Value = o.Value, LabelEn = o.En, LabelPl = o.Pl, Order = i }).ToList(),
        };
        var firewalls = new Manufacturer
        {
            Name = FirewallMaker,
            Products = [new() { Name = "Sentinel 200F", Code = "SNT-200F" }, new() { Name = "Sentinel 600F", Code = "SNT-600F" }],
            Fields =
            [
                Field("Serial number", "Numer seryjny", FieldType.Text, true, 1),
                Field("Firmware version", "Wersja firmware", FieldType.Text, true, 2),
                Field("Affected interface", "Interfejs, którego dotyczy problem", FieldType.Text, false, 3),
            ],
        };
        var storage = new Manufacturer
        {
            Name = "Vaultline Storage",
            Products =
            [
                new() { Name = "Vaultline V5000", Code = "VLT-5000" }, new() { Name = "Vaultline V7000", Code = "VLT-7000" },
                new() { Name = "Vaultline Backup Appliance", Code = "VLT-BA" },
            ],
            Fields =
            [
                Field("Appliance model", "Model urządzenia", FieldType.Text, true, 1),
                Field("License ID", "Identyfikator licencji", FieldType.Text, true, 2),
                Field("Capacity in use (TB)", "Wykorzystana pojemność (TB)", FieldType.Number, false, 3),
            ],
        };
        var switches = new Manufacturer
        {
            Name = "Meshport Networks",
            Products = [new() { Name = "Meshport MS-24", Code = "MSP-24" }, new() { Name = "Meshport MS-48", Code = "MSP-48" }],
            Fields =
            [
                Field("Switch model", "Model przełącznika", FieldType.Choice, true, 1, ("ms-24", "MS-24", "MS-24"), ("ms-48", "MS-48", "MS-48")),
                Field("Switches in the stack", "Liczba przełączników w stosie", FieldType.Number, false, 2),
                Field("Problem started on", "Data wystąpienia problemu", FieldType.Date, false, 3),
            ],
        };
        db.Manufacturers.AddRange(firewalls, storage, switches);
        var northwind = new Organization { Name = "Northwind Logistics", TaxId = "PL5260001234", CreatedAt = now };
        var baltic = new Organization { Name = "Baltic Retail Group", CreatedAt = now };
        db.Organizations.AddRange(northwind, baltic);

        var activation = services.GetRequiredService<ContractActivation>();
        Contract NewContract(string number, Organization organization, int level, DateOnly start, DateOnly end, params (Product Product, string Serial, string? Location)[] assets)
        {
            var contract = new Contract
            {
                Number = number, ActivationKeyHash = "", KeyIssuedAt = now, Organization = organization, ServiceLevelId = level,
                StartsOn = start, EndsOn = end, CreatedAt = now,
                Assets = assets.Select(a => new Asset { Product = a.Product, SerialNumber = a.Serial, Location = a.Location, CreatedAt = now }).ToList(),
            };
            contract.ActivationKeyHash = activation.HashKey(contract, number + "-KEY");
            db.Contracts.Add(contract);
            return contract;
        }
        var standard = NewContract(ContractNumber, northwind, 1, today.AddMonths(-6), today.AddMonths(18),
            (firewalls.Products[0], "SNT200F-0001", "Gdańsk DC"), (firewalls.Products[1], "SNT600F-0042", "Warsaw HQ"),
            (storage.Products[0], "VLT5K-77812", "Gdańsk DC"));
        NewContract("DEMO-0002", baltic, 2, today.AddMonths(-1), today.AddYears(2),
            (switches.Products[1], "MSP48-10001", "Riga store"), (storage.Products[1], "VLT7K-00317", "Riga DC"));
        var expired = NewContract("DEMO-0003", northwind, 1, today.AddYears(-2), today.AddMonths(-2), (switches.Products[0], "MSP24-55501", "Gdańsk DC"));
        await db.SaveChangesAsync();

        // The demo customer works at Northwind and holds its current and its expired contract.
        if (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("customer@example.com") is { } customer)
        {
            await activation.RegisterAsync(standard, customer);
            await activation.RegisterAsync(expired, customer);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Two downloads with two versions each, their files made here (small, real: zip archives and PEM certificates) and
    /// stored as an editor's upload stores them, so each published SHA-256 is that of the bytes served.
    /// </summary>
    /// <summary>
    /// Five services in two groups with 90 days behind them: an e-invoicing outage three weeks ago, an API slowdown two
    /// months ago and a completed maintenance of the portal last week; everything operational now.
    /// </summary>
    private static async Task SeedStatusAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.StatusGroups.AnyAsync())
            return;
        var states = services.GetRequiredService<Status.ServiceStates>();
        var since = now.Date.AddDays(-120);
        await using var transaction = await db.Database.BeginTransactionAsync();
        Status.StatusService Add(Status.ServiceGroup group, int order, string en, string pl, string descriptionEn, string descriptionPl)
        {
            var service = new Status.StatusService { Group = group, Order = order, NameEn = en, NamePl = pl, DescriptionEn = descriptionEn, DescriptionPl = descriptionPl };
            states.Add(service, since);
            return service;
        }
        var portal = new Status.ServiceGroup { NameEn = "Portal", NamePl = "Portal", Order = 1 };
        var integrations = new Status.ServiceGroup { NameEn = "Integrations", NamePl = "Integracje", Order = 2 };
        var customerPortal = Add(portal, 1, "Customer portal", "Portal klienta", "Requests, contracts and your account.", "Zgłoszenia, umowy i Twoje konto.");
        Add(portal, 2, "Help center", "Centrum Wsparcia", "Articles, search and downloads.", "Artykuły, wyszukiwarka i pliki do pobrania.");
        Add(portal, 3, "E-mail notifications", "Powiadomienia e-mail", "Mail about your requests.", "Wiadomości o Twoich zgłoszeniach.");
        var invoicing = Add(integrations, 1, "E-invoicing", "E-fakturowanie", "Sending and receiving e-invoices.", "Wysyłanie i odbieranie e-faktur.");
        var api = Add(integrations, 2, "Integrations API", "API integracyjne", "The REST API for your systems.", "REST API dla Twoich systemów.");
        await db.SaveChangesAsync();
        // Each change as it happened, saved in turn: the history is what uptime is computed from.
        foreach (var (service, state, at) in new (Status.StatusService, Status.ServiceState, DateTime)[]
        {
            (api, Status.ServiceState.PartialOutage, now.Date.AddDays(-61).AddHours(9)),
            (api, Status.ServiceState.DegradedPerformance, now.Date.AddDays(-61).AddHours(12)),
            (api, Status.ServiceState.Operational, now.Date.AddDays(-61).AddHours(13.5)),
            (invoicing, Status.ServiceState.MajorOutage, now.Date.AddDays(-23).AddHours(7.25)),
            (invoicing, Status.ServiceState.DegradedPerformance, now.Date.AddDays(-23).AddHours(9.5)),
            (invoicing, Status.ServiceState.Operational, now.Date.AddDays(-23).AddHours(10.25)),
            (customerPortal, Status.ServiceState.UnderMaintenance, now.Date.AddDays(-9).AddHours(21)),
            (customerPortal, Status.ServiceState.Operational, now.Date.AddDays(-9).AddHours(22.5)),
        })
        {
            await states.SetAsync(service, state, at);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task SeedDownloadsAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.DownloadGroups.AnyAsync())
            return;
        var store = services.GetRequiredService<AttachmentStore>();
        var today = DateOnly.FromDateTime(now);
        static byte[] Zip(string text)
        {
            using var bytes = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(bytes, System.IO.Compression.ZipArchiveMode.Create))
            using (var readme = new StreamWriter(zip.CreateEntry("README.txt").Open()))
                readme.Write(text);
            return bytes.ToArray();
        }
        byte[] Certificates(int year)
        {
            using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                $"CN=Supportal Demo Root CA {year}", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 10, 1, 1, 0, 0, 0, TimeSpan.Zero));
            return System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n");
        }
        async Task<KnowledgeBase.DownloadVersion> Release(string version, int daysAgo, string system, string fileName, byte[] content, string notesEn, string notesPl)
        {
            using var upload = await store.WriteAsync([new FormFile(new MemoryStream(content), 0, content.Length, "File", fileName)]);
            upload.Place();
            var file = upload.Files[0];
            return new KnowledgeBase.DownloadVersion
            {
                Version = version, ReleasedOn = today.AddDays(-daysAgo), OperatingSystem = system, FileName = file.FileName,
                ContentType = file.ContentType, Size = file.Size, Sha256 = file.Sha256, NotesEn = notesEn, NotesPl = notesPl, UploadedAt = now,
            };
        }
        const string Placeholder = "Supportal demo data: a stand-in for the remote-support tool's installer.\n";
        db.DownloadGroups.AddRange(
            new KnowledgeBase.DownloadGroup
            {
                NameEn = "Remote support", NamePl = "Zdalna pomoc", Order = 1,
                Items =
                [
                    new KnowledgeBase.DownloadItem
                    {
                        NameEn = "Remote support tool", NamePl = "Program do zdalnej pomocy", Order = 1, Readers = KnowledgeBase.Readership.Public,
                        DescriptionEn = "Run it when our support team asks: it lets them see your screen for the session, never your password.",
                        DescriptionPl = "Uruchom go, gdy poprosi o to nasz zespół wsparcia: pozwala zobaczyć twój ekran na czas sesji, nigdy twoje hasło.",
                        Versions =
                        [
                            await Release("3.2.0", 21, "Windows 10/11 (x64)", "remote-support-3.2.0-windows.zip", Zip(Placeholder + "Windows 10/11 (x64)\n"),
                                "- Sessions reconnect by themselves after a network drop.\n- Smaller download.",
                                "- Sesje same wznawiają się po utracie połączenia.\n- Mniejszy plik do pobrania."),
                            await Release("3.2.0", 14, "macOS 13 or later", "remote-support-3.2.0-macos.zip", Zip(Placeholder + "macOS 13+\n"),
                                "First release for **macOS**: grant screen recording when asked.",
                                "Pierwsze wydanie dla **macOS**: zezwól na nagrywanie ekranu, gdy system o to poprosi."),
                        ],
                    },
                ],
            },
            new KnowledgeBase.DownloadGroup
            {
                NameEn = "Certificates", NamePl = "Certyfikaty", Order = 2,
                Items =
                [
                    new KnowledgeBase.DownloadItem
                    {
                        NameEn = "CA certificate bundle", NamePl = "Pakiet certyfikatów CA", Order = 1, Readers = KnowledgeBase.Readership.SignedIn,
                        DescriptionEn = "The root certificates our services are signed with, in PEM format, for systems that check them.",
                        DescriptionPl = "Certyfikaty główne, którymi podpisane są nasze usługi, w formacie PEM, dla systemów, które je sprawdzają.",
                        Versions =
                        [
                            await Release(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 7, "", "ca-bundle-" + today.Year + ".pem", Certificates(today.Year),
                                "Adds the root certificate for this year.", "Dodaje certyfikat główny na ten rok."),
                            await Release((today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 370, "", "ca-bundle-" + (today.Year - 1) + ".pem", Certificates(today.Year - 1),
                                "The bundle of last year.", "Pakiet z zeszłego roku."),
                        ],
                    },
                ],
            });
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo data could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)) + " (check Seed:DemoPassword)");
    }
}
