using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Data;

public sealed class DemoDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_people_exist_once_with_their_roles_and_a_confirmed_address()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync(); // a second start adds nothing

        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.Users.CountAsync()).ShouldBe(4);
        foreach (var (email, _, _, role, _) in DemoData.Users)
        {
            var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
            user.EmailConfirmed.ShouldBeTrue();
            (await users.GetRolesAsync(user)).ShouldBe(role is null ? [] : [role]);
        }
    }
}
