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

    // Files that run, install or mount something when opened, whatever they contain: refused by name as well. Names are
    // checked as they are stored (AttachmentStore.SafeName), so a trailing dot, space or control character cannot hide
    // the type. Tickets:AllowedFileTypes lets an admin accept some of them.
    private static readonly HashSet<string> LaunchingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        // Windows programs, libraries and installers.
        ".exe", ".dll", ".com", ".scr", ".cpl", ".pif", ".sys", ".drv", ".ocx", ".msi", ".msp", ".mst", ".msc",
        // Scripts Windows (the Script Host, PowerShell, the command prompt, HTML applications) runs on a double click.
        ".bat", ".cmd", ".ps1", ".psm1", ".psd1", ".ps1xml", ".psc1", ".vb", ".vbs", ".vbe", ".js", ".jse", ".ws", ".wsf",
        ".wsc", ".wsh", ".sct", ".hta", ".reg", ".inf", ".scf",
        // Shortcuts and links that point at a program or a remote file.
        ".lnk", ".url", ".website", ".appref-ms", ".library-ms", ".search-ms", ".searchconnector-ms", ".settingcontent-ms",
        // Disk images, which Windows and macOS mount with one click, showing what is inside without its warnings.
        ".iso", ".img", ".vhd", ".vhdx", ".dmg",
        // Help files and packages that carry script or install applications.
        ".chm", ".hlp", ".application", ".gadget", ".appx", ".appxbundle", ".msix", ".msixbundle", ".diagcab", ".xll",
        // Office documents, templates and add-ins with macros.
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm", ".sldm",
        // Java, macOS, Linux and Android programs and installers.
        ".jar", ".jnlp", ".app", ".command", ".pkg", ".sh", ".run", ".appimage", ".desktop", ".deb", ".rpm", ".apk",
    };

    /// <summary>The type a stored name has: its extension, lower case, with the dot ("" when it has none).</summary>
    public static string TypeOf(string storedName) => Path.GetExtension(storedName).ToLowerInvariant();

    /// <summary>True for names of a type that runs, installs or mounts something when opened (see <see cref="LaunchingTypes"/>).</summary>
    public static bool LaunchesByName(string storedName) => LaunchingTypes.Contains(TypeOf(storedName));

    /// <summary>True for content that is a program by its signature, whatever the file is called.</summary>
    public static bool IsProgramContent(ReadOnlySpan<byte> header)
    {
        foreach (var magic in Programs)
        {
            if (header.StartsWith(magic))
                return true;
        }
        return false;
    }

    /// <summary>True for programs: by signature, or by a type that runs when opened. <paramref name="storedName"/> is the cleaned name.</summary>
    public static bool IsProgram(ReadOnlySpan<byte> header, string storedName) => LaunchesByName(storedName) || IsProgramContent(header);

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
