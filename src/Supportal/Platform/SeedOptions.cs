namespace Supportal.Platform;

/// <summary>The "Seed" section. Demo data defaults to on only in Development (set in Program).</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Demo { get; set; }
    public string DemoPassword { get; set; } = "Demo-Password-2026";
}
