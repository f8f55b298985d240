using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tickets;

namespace Supportal.Pages.Downloads;

/// <summary>
/// A version's file, for whoever may read its item; anything else is "not found". The name in the address is only there
/// so that the address ends with the file's name; the stored name is the one the file is saved under.
/// </summary>
/// <remarks>
/// The SHA-256 is the strong ETag (the bytes under one hash never change), so a browser revalidates with If-None-Match
/// and a broken download resumes with Range and If-Range; ASP.NET Core answers 206, 304, 412 and 416 from these.
/// </remarks>
[AllowAnonymous]
public sealed class FileModel(AppDbContext db, KnowledgeAccess access, AttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int versionId)
    {
        var reader = await access.ReaderAsync(User, HttpContext.RequestAborted);
        var file = await access.Downloads(reader).SelectMany(i => i.Versions).Where(v => v.Id == versionId)
            .Select(v => new { v.FileName, v.ContentType, v.Sha256, v.UploadedAt })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (file is null || store.Serve(Response, file.Sha256, file.FileName, file.ContentType, preview: false) is not { } result)
            return NotFound();
        // Unlike an attachment, a release may be kept by the browser, but only privately (some are for contract holders)
        // and only after asking whether it is still the same (it is, as long as the ETag matches).
        Response.Headers.CacheControl = "private, no-cache";
        result.EntityTag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        result.LastModified = new DateTimeOffset(DateTime.SpecifyKind(file.UploadedAt, DateTimeKind.Utc));
        if (HttpMethods.IsGet(Request.Method))
            Response.OnStarting(() => CountAsync(versionId));
        return result;
    }

    /// <summary>
    /// Counts a download once the answer is known: a whole file (200), or a range from its first byte (206 "bytes 0-"),
    /// which is how download managers start. Not a resumed download's later ranges (the same download, continued), not a
    /// 304 (the browser has the file already), nor a refused range. One UPDATE, so that parallel downloads all count.
    /// </summary>
    private Task CountAsync(int versionId)
    {
        var counts = Response.StatusCode == StatusCodes.Status200OK
            || (Response.StatusCode == StatusCodes.Status206PartialContent
                && Response.Headers.ContentRange.ToString().StartsWith("bytes 0-", StringComparison.Ordinal));
        return counts
            ? db.DownloadVersions.Where(v => v.Id == versionId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.DownloadCount, v => v.DownloadCount + 1), CancellationToken.None)
            : Task.CompletedTask;
    }
}
