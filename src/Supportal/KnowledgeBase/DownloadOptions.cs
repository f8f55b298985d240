namespace Supportal.KnowledgeBase;

/// <summary>The "Downloads" section.</summary>
public sealed class DownloadOptions
{
    public const string Section = "Downloads";

    /// <summary>Largest file an editor may upload as a version (installers and firmware images are large).</summary>
    public int MaxMegabytes { get; set; } = 1024;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    /// <summary>The whole upload form: the file at its largest plus room for the version's text fields.</summary>
    public long MaxRequestBytes => MaxBytes + 1024L * 1024L;
}
