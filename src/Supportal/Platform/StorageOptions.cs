namespace Supportal.Platform;

/// <summary>The "Storage" section: one folder for the embedded database, attachments and keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Root { get; set; } = "data";

    /// <summary>The root as an absolute path (relative roots are taken from the working directory).</summary>
    public string FullRoot => Path.GetFullPath(Root);
}
