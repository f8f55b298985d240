namespace Supportal.Sla;

/// <summary>The "Sla" section.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How often breaches and automatic closing are checked.</summary>
    public int PollSeconds { get; set; } = 60;
}
