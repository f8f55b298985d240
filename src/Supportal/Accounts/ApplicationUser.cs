using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Supportal.Accounts;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>
    /// Two-factor sign-in is on for every account, whoever made it (sign-up, an import, a request sent without
    /// signing in); <see cref="PortalSignInManager"/> asks for the second step whatever this flag says.
    /// </summary>
    public ApplicationUser() => TwoFactorEnabled = true;

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Company { get; set; } = "";

    /// <summary>UI and e-mail language: a two-letter code from <see cref="Platform.Languages"/>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>IANA time zone in which this user sees dates.</summary>
    public string TimeZone { get; set; } = "Europe/Warsaw";

    public DateTime CreatedAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email ?? UserName ?? "";
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.FirstName).HasMaxLength(100);
        user.Property(u => u.LastName).HasMaxLength(100);
        user.Property(u => u.Company).HasMaxLength(200);
        user.Property(u => u.Language).HasMaxLength(8);
        user.Property(u => u.TimeZone).HasMaxLength(64);
    }
}
