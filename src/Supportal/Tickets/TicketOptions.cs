namespace Supportal.Tickets;

/// <summary>The "Tickets" section.</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Largest accepted attachment, per file.</summary>
    public int MaxAttachmentMegabytes { get; set; } = 25;

    /// <summary>Files accepted with one message (a new request or a reply).</summary>
    public int MaxAttachmentsPerMessage { get; set; } = 10;

    /// <summary>
    /// Types the portal refuses by name (disk images, macro documents, scripts…, <see cref="FileKinds"/>) that this
    /// installation accepts all the same, as extensions (".iso" or "iso"). Empty by default: nothing that runs is accepted.
    /// </summary>
    public List<string> AllowedFileTypes { get; set; } = [];

    /// <summary>Whether <paramref name="type"/> (an extension with its dot, as <see cref="FileKinds.TypeOf"/> gives) is listed.</summary>
    public bool Allows(string type) =>
        type.Length > 1 && AllowedFileTypes.Any(t => string.Equals(Normalize(t), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>A listed type as an extension with its dot.</summary>
    public static string Normalize(string type) => "." + type.Trim().TrimStart('.');

    /// <summary>What a listed type may look like: letters, digits, "-" and "_" after an optional dot (".appref-ms").</summary>
    public static bool IsType(string? type) =>
        type?.Trim().TrimStart('.') is { Length: > 0 and <= 32 } name && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && type.Trim().Count(c => c == '.') <= 1;

    public long MaxAttachmentBytes => MaxAttachmentMegabytes * 1024L * 1024L;

    /// <summary>Whole form posts with files: every file at its largest plus room for the text fields.</summary>
    public long MaxRequestBytes => MaxAttachmentBytes * MaxAttachmentsPerMessage + 1024L * 1024L;
}
