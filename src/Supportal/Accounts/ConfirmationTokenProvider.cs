using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Supportal.Accounts;

/// <summary>Identity's data-protected tokens with a lifespan of their own, so confirmation links outlive reset links.</summary>
public sealed class ConfirmationTokenProvider(
    IDataProtectionProvider protection, IOptions<ConfirmationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(protection, options, logger)
{
    public const string ProviderName = "Confirmation";
}

public sealed class ConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions;
