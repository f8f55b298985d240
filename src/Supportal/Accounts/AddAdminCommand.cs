using Microsoft.AspNetCore.Identity;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// `add-admin EMAIL`: the first administrator of a new installation (demo data exists only in Development).
/// The account gets no password here — none passes through a shell history — its owner sets one with
/// "Get a password", which proves the address too.
/// </summary>
public static class AddAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string email, TextWriter output, TextWriter errors)
    {
        var address = email.Trim();
        if (!Email.EmailAddresses.IsBare(address))
        {
            errors.WriteLine($"Not an e-mail address: {email}");
            return 1;
        }
        await services.PrepareEmbeddedDatabaseAsync();
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = address, Email = address,
                CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            if (!Report(await users.CreateAsync(user), errors))
                return 1;
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin) && !Report(await users.AddToRoleAsync(user, Roles.Admin), errors))
            return 1;
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        audit.Record(db, AuditActions.AdminAdded, user.Id, "command line");
        await db.SaveChangesAsync();
        output.WriteLine($"{address} is an administrator. To sign in, open /Account/ForgotPassword?first=true (\"Get a password\") and follow the e-mailed link.");
        return 0;
    }

    private static bool Report(IdentityResult result, TextWriter errors)
    {
        foreach (var error in result.Errors)
            errors.WriteLine(error.Description);
        return result.Succeeded;
    }
}
