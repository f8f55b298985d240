using Microsoft.AspNetCore.Identity;
using Supportal.Accounts;

namespace Supportal.Contracts;

public static class ContractsSetup
{
    public static IHostApplicationBuilder AddContracts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContractActivation>();
        builder.Services.AddScoped<EntitledAssets>();
        builder.Services.AddScoped<CustomerContracts>();
        builder.Services.AddSingleton<IPasswordHasher<Contract>, PasswordHasher<Contract>>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Orders, p => p.RequireRole(Roles.Orders, Roles.Admin));
        return builder;
    }
}
