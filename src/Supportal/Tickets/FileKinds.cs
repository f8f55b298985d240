namespace Supportal.Tickets;

/// <summary>
/// What a file is by its first bytes, not by its name or the browser's say-so: which images may be previewed,
/// and which programs are refused (a renamed .exe is still a program).
/// </summary>
public static class FileKinds
{
    /// <summary>Bytes needed to recognise every signature below.</summary>
    public const int HeaderLength = 16;

    private static readonly (byte[] Magic, string Type)[] Images =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
    ];

    private static readonly byte[][] Programs =
    [
        "MZ"u8.ToArray(),                  // Windows executables and libraries (PE)
        [0x7F, 0x45, 0x4C, 0x46],          // ELF (Linux)
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], // Mach-O (macOS)
        [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE],
        [0xCA, 0xFE, 0xBA, 0xBE],          // Mach-O universal binaries and Java classes
        "#!"u8.ToArray(),                  // scripts with an interpreter line
    ];

    // Windows runs these by extension whatever they contain; refused by name as well.
    private static readonly HashSet<string> ProgramExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf",
        ".hta", ".cpl", ".jar", ".sh", ".app", ".lnk", ".reg", ".pif", ".msc", ".apk",
    };

    /// <summary>True for programs: by signature, or by an extension Windows would run.</summary>
    public static bool IsProgram(ReadOnlySpan<byte> header, string fileName)
    {
        if (ProgramExtensions.Contains(Path.GetExtension(fileName)))
            return true;
        foreach (var magic in Programs)
        {
            if (header.StartsWith(magic))
                return true;
        }
        return false;
    }

    /// <summary>The image type for previewable pictures (never SVG, which can carry script); otherwise a download.</summary>
    public static string ContentType(ReadOnlySpan<byte> header)
    {
        foreach (var (magic, type) in Images)
        {
            if (header.StartsWith(magic))
                return type;
        }
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return "application/octet-stream";
    }
}
