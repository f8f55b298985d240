using System.Globalization;

namespace Supportal.Platform;

/// <summary>The "Portal" configuration section: what the portal calls itself and how people reach support.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string Name { get; set; } = "Supportal";

    /// <summary>
    /// Where people reach the portal ("https://support.example.com", or with a path prefix); every link in an
    /// e-mail starts with it. Required outside Development, where it defaults to the first address listened on.
    /// </summary>
    public string? PublicUrl { get; set; }
    public string MaintenanceEmail { get; set; } = "maintenance@localhost";
    public List<PhoneLine> Phones { get; set; } = [];
    public List<TeamHours> Teams { get; set; } = [];
}

public sealed class PhoneLine
{
    public LocalizedText Label { get; set; } = [];
    public string Number { get; set; } = "";
    public LocalizedText Hours { get; set; } = [];
}

public sealed class TeamHours
{
    public LocalizedText Name { get; set; } = [];
    public LocalizedText Hours { get; set; } = [];

    /// <summary>The agents' group whose calendar says whether the team is open now; without one, only the hours are shown.</summary>
    public int? GroupId { get; set; }
}

/// <summary>
/// Text that an operator writes in configuration once per language ("en", "pl", …); shown in the reader's
/// language, falling back to English.
/// </summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText() : base(StringComparer.OrdinalIgnoreCase) { }

    public override string ToString()
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return TryGetValue(language, out var text) || TryGetValue("en", out text) ? text : Values.FirstOrDefault() ?? "";
    }
}
