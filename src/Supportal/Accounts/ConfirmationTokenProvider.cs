using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Supportal.Accounts;

/// <summary>Link tokens with a lifespan of their own, so confirmation links outlive reset links.</summary>
public sealed class ConfirmationTokenProvider(IDataProtectionProvider protection, IOptions<ConfirmationTokenProviderOptions> options, TimeProvider clock)
    : LinkTokenProvider(protection, options.Value, clock)
{
    public const string ProviderName = "Confirmation";
}

public sealed class ConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions;
