using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Tickets;

namespace Supportal.KnowledgeBase;

/// <summary>
/// Which files an editor may publish as a download. Stored with the attachments (<see cref="AttachmentStore"/>, by
/// SHA-256), but judged differently: installers, packages and disk images are what the Downloads page is for, so the
/// types the attachment rules refuse as installers are accepted here. Everything else those rules refuse stays refused:
/// scripts, shortcuts, help files and macro documents are how malware is passed around, never how a vendor ships a
/// tool, and a program under a harmless name ("manual.pdf" that is an .exe) is a disguise, not a release.
/// </summary>
public sealed class DownloadFiles(IOptions<DownloadOptions> options)
{
    public enum Problem
    {
        None,
        Empty,
        TooLarge,

        /// <summary>A type that runs or opens something when clicked and is not an installer, package or disk image.</summary>
        Launcher,

        /// <summary>A program by its content, under a name that does not say so.</summary>
        Program,
    }

    private static readonly HashSet<string> Installers = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".msi", ".msp", ".msix", ".msixbundle", ".appx", ".appxbundle", // Windows
        ".dmg", ".pkg",                                                          // macOS
        ".deb", ".rpm", ".appimage", ".run", ".apk",                             // Linux and Android
        ".iso", ".img", ".vhd", ".vhdx",                                         // firmware and appliance images
    };

    public async Task<Problem> CheckAsync(IFormFile file)
    {
        var name = AttachmentStore.SafeName(file.FileName);
        if (file.Length == 0)
            return Problem.Empty;
        if (file.Length > options.Value.MaxBytes)
            return Problem.TooLarge;
        if (Installers.Contains(FileKinds.TypeOf(name)))
            return Problem.None;
        if (FileKinds.LaunchesByName(name))
            return Problem.Launcher;
        return FileKinds.IsProgramContent(await AttachmentStore.HeaderAsync(file)) ? Problem.Program : Problem.None;
    }

    public string Describe(Problem problem, string fileName, IStringLocalizer l) => problem switch
    {
        Problem.Empty => l["Attachments.Empty", fileName],
        Problem.TooLarge => l["Attachments.TooLarge", fileName, options.Value.MaxMegabytes],
        Problem.Launcher => l["Downloads.Launcher", fileName, FileKinds.TypeOf(fileName)],
        Problem.Program => l["Downloads.Program", fileName],
        _ => "",
    };
}

/// <summary>
/// On the page that uploads a version: lets this request's body and file be as large as <see cref="DownloadOptions"/>
/// allows (Kestrel's default is 30 MB), before anything reads the form.
/// </summary>
/// <remarks>
/// The form is read by ASP.NET's form reader, not a hand-driven streaming multipart reader: every page's form is read
/// before antiforgery (<see cref="Platform.UnreadableForms"/>), and the token travels in the same body. The reader keeps a
/// file part beyond 64 KB in a temporary file on disk, never in memory; <see cref="AttachmentStore.WriteAsync(IReadOnlyList{IFormFile}, CancellationToken)"/> then
/// streams it into the store while hashing. A second copy on disk is the price of antiforgery and validation working
/// as on every other form.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsDownloadUploadAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context) => AcceptsAttachmentsAttribute.AllowBody(
        context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<IOptions<DownloadOptions>>().Value.MaxRequestBytes);
}
