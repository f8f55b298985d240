using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Contracts;

public sealed class ContractRulesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2025-12-31", ContractState.NotStarted)]
    [InlineData("2026-01-01", "2026-12-31", "2026-01-01", ContractState.Active)]
    [InlineData("2026-01-01", "2026-12-31", "2026-12-02", ContractState.Expiring)]
    [InlineData("2026-01-01", "2026-12-31", "2026-12-31", ContractState.Expiring)]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-01", ContractState.Expired)]
    [InlineData("2026-01-01", "2026-12-31", "2026-12-01", ContractState.Active)]
    public void States_follow_the_dates(string start, string end, string today, ContractState expected) =>
        Contract.State(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public async Task Activation_keys_are_stored_only_as_hashes_and_verify()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var activation = scope.ServiceProvider.GetRequiredService<ContractActivation>();

        var stored = await db.Contracts.AsNoTracking().SingleAsync(c => c.Number == DemoData.ContractNumber);

        stored.ActivationKeyHash.ShouldNotContain(DemoData.ContractKey);
        (await activation.FindAsync(" demo-0001 ", DemoData.ContractKey))!.Id.ShouldBe(stored.Id);
        (await activation.FindAsync(DemoData.ContractNumber, " demo-0001-key "))!.Id.ShouldBe(stored.Id);
        (await activation.FindAsync(DemoData.ContractNumber, "DEMO-0001-KEZ")).ShouldBeNull();
    }

    [Fact]
    public async Task Only_assets_of_active_registered_contracts_are_entitled()
    {
        var customer = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "customer@example.com"));
        var stranger = await portal.CreateUserAsync("stranger@customer.test");
        using var scope = portal.Services.CreateScope();
        var entitled = scope.ServiceProvider.GetRequiredService<EntitledAssets>();

        var assets = await entitled.For(customer.Id).ToListAsync();

        // DEMO-0001 (active, 3 assets of two vendors) counts; DEMO-0003 (expired) does not.
        assets.Select(a => a.ContractNumber).Distinct().ShouldBe(["DEMO-0001"]);
        assets.Count.ShouldBe(3);
        assets.Select(a => a.ManufacturerName).Distinct().Count().ShouldBe(2);
        (await entitled.For(stranger.Id).AnyAsync()).ShouldBeFalse();
        var expiredAsset = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assets.Where(a => a.Contract.Number == "DEMO-0003").Select(a => a.Id).SingleAsync();
        assets.ShouldNotContain(a => a.AssetId == expiredAsset);
        var fields = await entitled.FieldsAsync(assets[0].ManufacturerId);
        fields.ShouldNotBeEmpty();
        fields.Select(f => f.Order).ShouldBeInOrder();
    }
}
