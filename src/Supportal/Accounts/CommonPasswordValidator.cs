using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Supportal.Accounts;

/// <summary>
/// Refuses the most common passwords and those made by repeating one ("passwordpassword"), the first thing
/// an attacker tries. Length is Identity's own rule; there are no composition rules on purpose.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = localizer["Password.Common"] })
            : IdentityResult.Success);

    internal static bool IsCommon(string password)
    {
        var text = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(text))
            return true;
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && Common.Value.Contains(text[..length]) && text == string.Concat(Enumerable.Repeat(text[..length], text.Length / length)))
                return true;
        }
        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Supportal.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                words.Add(line);
        }
        return words;
    }
}
