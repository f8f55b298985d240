using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.Data;

/// <summary>Demo people so a new user can look around at once. Runs on every start; adds only what is missing.</summary>
public static class DemoData
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
                FirstName = first, LastName = last, Language = language, CreatedAt = now, TwoFactorEnabled = true,
            };
            Check(await users.CreateAsync(user, seed.DemoPassword));
            if (role is not null)
                Check(await users.AddToRoleAsync(user, role));
        }
        await SeedContractAsync(scope.ServiceProvider, now);
    }

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
            Name = "Sentinel Firewalls",
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo data could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)) + " (check Seed:DemoPassword)");
    }
}
