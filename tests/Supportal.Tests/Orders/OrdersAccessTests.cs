using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Orders;

public sealed class OrdersAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<string[]> UrlsAsync()
    {
        var (id, assetId) = await portal.WithDbAsync(db => db.Assets.Where(a => a.Contract.Number == "DEMO-0001")
            .Select(a => new ValueTuple<int, int>(a.ContractId, a.Id)).FirstAsync());
        return
        [
            "/Orders", "/Orders/Issue", $"/Orders/Contract/{id}", $"/Orders/Contract/{id}/AddAsset",
            $"/Orders/Contract/{id}/RemoveAsset/{assetId}", $"/Orders/Contract/{id}/Extend", $"/Orders/Contract/{id}/End",
            $"/Orders/Contract/{id}/Reissue", $"/Orders/Contract/{id}/Certificate",
        ];
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Customers_and_agents_are_refused_every_orders_page(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        foreach (var url in await UrlsAsync())
            (await client.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
        var hash = await portal.WithDbAsync(db => db.Contracts.Where(c => c.Number == "DEMO-0001").Select(c => c.ActivationKeyHash).SingleAsync());
        var post = await client.FollowAsync(await client.Http.PostAsync((await UrlsAsync())[7], new FormUrlEncodedContent([])));
        post.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Contracts.Where(c => c.Number == "DEMO-0001").Select(c => c.ActivationKeyHash).SingleAsync())).ShouldBe(hash);
    }

    [Fact]
    public async Task The_orders_team_and_admins_open_every_orders_page_and_see_it_in_the_menu()
    {
        foreach (var email in new[] { OrdersData.OrdersUser, "admin@example.com" })
        {
            using var client = portal.CreatePortalClient();
            var dashboard = await client.SignInAsync(email);
            dashboard.Find("#sidebar a[href='/Orders']").ShouldNotBeNull();
            foreach (var url in await UrlsAsync())
                (await client.GetAsync(url)).Status.ShouldBe(HttpStatusCode.OK, url);
        }
        using var anonymous = portal.CreatePortalClient();
        (await anonymous.GetAsync("/Orders/Contract/999999")).Path.ShouldBe("/Account/Login");
    }
}
