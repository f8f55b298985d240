using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Platform;

namespace Supportal.Tickets;

/// <summary>A checked file of an upload as it is recorded on a ticket: its name, detected type, size and content hash.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Takes the place of the file an upload is written to. The portal never registers one and no setting does: it is how a
/// test makes the disk fill up halfway through a file, which a real disk cannot be made to do on cue.
/// </summary>
public sealed record UploadTarget(Func<string, Stream> Open);

/// <summary>A file of a message could not be written to storage; nothing of the message was kept.</summary>
public sealed class AttachmentNotStoredException(string fileName, Exception cause)
    : IOException($"The attachment {fileName} could not be stored.", cause)
{
    /// <summary>The file's name as the sender called it (made safe to show).</summary>
    public string FileName { get; } = fileName;
}

/// <summary>
/// Attachment files under <c>Storage:Root/attachments</c>, named by the SHA-256 of their content: the same file
/// sent twice is stored once, and a name can never be guessed from a ticket or file id.
/// </summary>
public sealed partial class AttachmentStore(
    IOptions<StorageOptions> storage, IOptions<TicketOptions> options, ILogger<AttachmentStore> logger, UploadTarget? target = null)
{
    public enum Problem
    {
        None,
        Empty,
        TooLarge,
        Program,
        TooMany,

        /// <summary>A type that runs, installs or mounts something when opened (<see cref="FileKinds.LaunchesByName"/>).</summary>
        Launcher,
    }

    private string Root => Path.Combine(storage.Value.FullRoot, "attachments");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    /// <summary>
    /// A stored file as the response to a download (always application/octet-stream, as an attachment) or, for
    /// images only, an inline preview; sandboxed and never cached or sniffed. Null when there is nothing to serve.
    /// </summary>
    public Microsoft.AspNetCore.Mvc.PhysicalFileResult? Serve(HttpResponse response, string sha256, string fileName, string contentType, bool preview)
    {
        var path = PathOf(sha256);
        if ((preview && !contentType.StartsWith("image/", StringComparison.Ordinal)) || !File.Exists(path))
            return null;
        var headers = response.Headers;
        headers.ContentDisposition = $"{(preview ? "inline" : "attachment")}; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        return new(path, preview ? contentType : "application/octet-stream") { EnableRangeProcessing = true };
    }

    /// <summary>
    /// The first problem among the files, checked before anything is written, so a refused post stores nothing. Each
    /// file is judged by the name it would be stored under (<see cref="SafeName"/>), never the name as sent: a name that
    /// becomes a program's only once cleaned ("run.bat ", "run.hta.") is a program's name. The problem names the file
    /// by that name too.
    /// </summary>
    public async Task<(Problem Problem, string? FileName)> CheckAsync(IReadOnlyList<IFormFile> files)
    {
        if (files.Count > options.Value.MaxAttachmentsPerMessage)
            return (Problem.TooMany, null);
        foreach (var file in files)
        {
            var name = SafeName(file.FileName);
            if (file.Length == 0)
                return (Problem.Empty, name);
            if (file.Length > options.Value.MaxAttachmentBytes)
                return (Problem.TooLarge, name);
            if (FileKinds.LaunchesByName(name))
            {
                // A type the admin accepts is theirs to accept whatever it holds: a listed ".exe" is meant to arrive as one.
                // Listing a type the portal never refuses by name (".txt") changes nothing: a program called so is still one.
                if (!options.Value.Allows(FileKinds.TypeOf(name)))
                    return (Problem.Launcher, name);
            }
            else if (FileKinds.IsProgramContent(await HeaderAsync(file)))
                return (Problem.Program, name);
        }
        return (Problem.None, null);
    }

    /// <summary>
    /// Writes a message's checked files next to the store, not yet under their names; <see cref="AttachmentUpload.Place"/>
    /// stores them. When one cannot be written (a full disk, a failing one) none is kept: the ones written are deleted,
    /// the partly written one included, and <see cref="AttachmentNotStoredException"/> names the file.
    /// </summary>
    public async Task<AttachmentUpload> WriteAsync(IReadOnlyList<IFormFile> files, CancellationToken cancel = default)
    {
        var upload = new AttachmentUpload(this);
        try
        {
            foreach (var file in files)
                upload.Add(await WriteAsync(file, cancel));
        }
        catch
        {
            upload.Dispose();
            throw;
        }
        return upload;
    }

    private async Task<(string Temporary, StoredFile File)> WriteAsync(IFormFile file, CancellationToken cancel)
    {
        var temporary = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Root);
            string hash;
            await using (var written = Open(temporary))
            await using (var source = file.OpenReadStream())
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancel)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await written.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            return (temporary, new StoredFile(SafeName(file.FileName), FileKinds.ContentType(await HeaderAsync(file)), file.Length, hash));
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            Discard(temporary);
            throw NotStored(SafeName(file.FileName), e);
        }
        catch
        {
            // A cancelled request, say: the file is not wanted either.
            Discard(temporary);
            throw;
        }
    }

    private Stream Open(string path) =>
        target?.Open(path) ?? new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);

    /// <summary>
    /// Moves a written file under its hash, or drops it when that content is stored already. Files are stored
    /// before the rows that record them commit: if the commit still fails, the file is an unreferenced copy the next
    /// identical upload reuses, never a row pointing at nothing.
    /// </summary>
    internal void Place(string temporary, StoredFile file)
    {
        var final = PathOf(file.Sha256);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
                File.Delete(temporary);
            else
                File.Move(temporary, final, overwrite: true);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw NotStored(file.FileName, e);
        }
    }

    /// <summary>
    /// Deletes a written file that will not be stored. One that cannot be deleted is logged, not thrown: the failure
    /// that made it unwanted is the one to report.
    /// </summary>
    internal void Discard(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            LogNotDeleted(logger, temporary, e);
        }
    }

    private static bool IsStorageFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    private AttachmentNotStoredException NotStored(string fileName, Exception cause)
    {
        LogNotStored(logger, fileName, Root, cause);
        return new AttachmentNotStoredException(fileName, cause);
    }

    /// <summary>The message shown by the file field for a problem <see cref="CheckAsync"/> found.</summary>
    public string Describe(Problem problem, string? fileName, IStringLocalizer l) => problem switch
    {
        Problem.Empty => l["Attachments.Empty", fileName ?? ""],
        Problem.TooLarge => l["Attachments.TooLarge", fileName ?? "", options.Value.MaxAttachmentMegabytes],
        Problem.Program => l["Attachments.Program", fileName ?? ""],
        Problem.TooMany => l["Attachments.TooMany", options.Value.MaxAttachmentsPerMessage],
        Problem.Launcher => l["Attachments.Launcher", fileName ?? "", FileKinds.TypeOf(fileName ?? "")],
        _ => "",
    };

    /// <summary>The first bytes of a file, enough for <see cref="FileKinds"/> to recognise what it is.</summary>
    internal static async Task<byte[]> HeaderAsync(IFormFile file)
    {
        var header = new byte[FileKinds.HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return header[..read];
    }

    /// <summary>
    /// The name a file is stored, checked and shown under: the one cleaning of a sent name, so that what is checked is
    /// exactly what is stored. The last path segment, without control and invisible formatting characters (NUL, TAB,
    /// line breaks, right-to-left overrides that disguise a type), with the characters Windows does not allow in names
    /// replaced, and without the dots and spaces at the end that Windows drops ("run.bat. " is saved as "run.bat");
    /// at most 255 characters, keeping the end where the type is.
    /// </summary>
    public static string SafeName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var kept = new System.Text.StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c == '"')
                continue;
            kept.Append(c is '<' or '>' or ':' or '|' or '?' or '*' ? '_' : c);
        }
        var end = kept.Length;
        while (end > 0 && (kept[end - 1] == '.' || char.IsWhiteSpace(kept[end - 1])))
            end--;
        var clean = kept.ToString(0, end).TrimStart();
        if (clean.Length == 0)
            clean = "file";
        return clean.Length <= 255 ? clean : clean[^255..];
    }

    [LoggerMessage(LogLevel.Error, "Attachment {FileName} could not be stored in {Root}.")]
    private static partial void LogNotStored(ILogger logger, string fileName, string root, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Temporary upload file {Path} could not be deleted.")]
    private static partial void LogNotDeleted(ILogger logger, string path, Exception exception);
}
