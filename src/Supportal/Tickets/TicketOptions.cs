namespace Supportal.Tickets;

/// <summary>The "Tickets" section.</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Largest accepted attachment, per file.</summary>
    public int MaxAttachmentMegabytes { get; set; } = 25;

    /// <summary>Files accepted with one message (a new request or a reply).</summary>
    public int MaxAttachmentsPerMessage { get; set; } = 10;

    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;

    /// <summary>Whole form posts with files: every file at its largest plus room for the text fields.</summary>
    public long MaxRequestBytes => MaxAttachmentBytes * MaxAttachmentsPerMessage + 1024L * 1024L;
}
