using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Platform;

namespace Supportal.Tickets;

/// <summary>A file checked and written to storage, ready to be recorded on a ticket.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Attachment files under <c>Storage:Root/attachments</c>, named by the SHA-256 of their content: the same file
/// sent twice is stored once, and a name can never be guessed from a ticket or file id.
/// </summary>
public sealed class AttachmentStore(IOptions<StorageOptions> storage, IOptions<TicketOptions> options)
{
    public enum Problem
    {
        None,
        Empty,
        TooLarge,
        Program,
        TooMany,
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

    /// <summary>The first problem among the files, checked before anything is written, so a refused post stores nothing.</summary>
    public async Task<(Problem Problem, string? FileName)> CheckAsync(IReadOnlyList<IFormFile> files)
    {
        if (files.Count > options.Value.MaxAttachmentsPerMessage)
            return (Problem.TooMany, null);
        foreach (var file in files)
        {
            if (file.Length == 0)
                return (Problem.Empty, file.FileName);
            if (file.Length > options.Value.MaxAttachmentBytes)
                return (Problem.TooLarge, file.FileName);
            if (FileKinds.IsProgram(await HeaderAsync(file), file.FileName))
                return (Problem.Program, file.FileName);
        }
        return (Problem.None, null);
    }

    /// <summary>
    /// Writes a checked file. Files are written before the ticket rows commit: if the commit fails, the file is
    /// an unreferenced copy the next identical upload reuses, never a row pointing at nothing.
    /// </summary>
    public async Task<StoredFile> SaveAsync(IFormFile file, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        string hash;
        await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        await using (var source = file.OpenReadStream())
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancel)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        var final = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        if (File.Exists(final))
            File.Delete(temporary);
        else
            File.Move(temporary, final, overwrite: true);
        return new StoredFile(SafeName(file.FileName), FileKinds.ContentType(await HeaderAsync(file)), file.Length, hash);
    }

    /// <summary>The message shown by the file field for a problem <see cref="CheckAsync"/> found.</summary>
    public string Describe(Problem problem, string? fileName, IStringLocalizer l) => problem switch
    {
        Problem.Empty => l["Attachments.Empty", fileName ?? ""],
        Problem.TooLarge => l["Attachments.TooLarge", fileName ?? "", options.Value.MaxAttachmentMegabytes],
        Problem.Program => l["Attachments.Program", fileName ?? ""],
        Problem.TooMany => l["Attachments.TooMany", options.Value.MaxAttachmentsPerMessage],
        _ => "",
    };

    private static async Task<byte[]> HeaderAsync(IFormFile file)
    {
        var header = new byte[FileKinds.HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return header[..read];
    }

    /// <summary>The last path segment, without control characters, at most 255 characters.</summary>
    public static string SafeName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(last.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        if (clean.Length == 0)
            clean = "file";
        return clean.Length <= 255 ? clean : clean[^255..];
    }
}
