using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Supportal.Platform;

/// <summary>
/// Forms the portal cannot read or will not use get a 400 page, never a server error, on every page at once: a body
/// that is not the form it claims to be (a broken multipart body, a field over the form reader's limits) and a NUL
/// character in a field or in the query. The friendly 400 page is the error page's (<c>/Error/400</c>).
/// </summary>
/// <remarks>
/// <para>
/// The form is read here, before antiforgery and any page reads it, and after <c>AcceptsAttachments</c> has set the
/// limits of a page with files (the limits apply when the form is first read). A form that cannot be read fails here
/// as "bad request" instead of failing wherever something asked for it first.
/// </para>
/// <para>
/// A NUL is refused rather than taken out or answered by the field: nobody can type one and no browser sends one, so it
/// only ever comes from a script, and answering it once here spares every page a check it would have to remember.
/// Taking it out would quietly store something other than what was sent; left in, PostgreSQL refuses the text
/// (SQLite keeps it), which was a server error.
/// </para>
/// <para>What is logged is the page and the kind of problem: never a field's value or name, which are the sender's.</para>
/// </remarks>
public sealed partial class UnreadableForms(ILogger<UnreadableForms> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>
    /// After the filters that set a page's limits (<c>AcceptsAttachments</c> at <see cref="int.MinValue"/>,
    /// <see cref="RequestFormLimitsAttribute"/> and <see cref="RequestSizeLimitAttribute"/> at 900), before antiforgery (1000).
    /// </summary>
    public const int FilterOrder = 950;

    public int Order => FilterOrder;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // The error page shows what went wrong with this very request; reading its form again would fail again.
        if (http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return;
        if (HasNul(http.Request.Query))
        {
            Refuse(context, "a NUL character in the query");
            return;
        }
        if (!http.Request.HasFormContentType)
            return;
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsCauseOf(e, out _) || (e is IOException && !http.RequestAborted.IsCancellationRequested))
        {
            // An IOException here is the body ending before the form does (a broken or cut-off multipart body).
            Refuse(context, e.GetType().Name, IsCauseOf(e, out var status) ? status : StatusCodes.Status400BadRequest);
            return;
        }
        if (HasNul(form))
            Refuse(context, "a NUL character in the form");
    }

    /// <summary>
    /// Whether the exception, or one it wraps, says the request's body could not be read as a form (too large, malformed),
    /// wherever it was read; <paramref name="status"/> is the answer it calls for (400, or 413 for a body over the limit).
    /// </summary>
    public static bool IsCauseOf(Exception exception, out int status)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    status = bad.StatusCode;
                    return true;
                case InvalidDataException:
                // Antiforgery reads the form first and wraps what it could not read.
                case AntiforgeryValidationException { InnerException: InvalidDataException or IOException }:
                    status = StatusCodes.Status400BadRequest;
                    return true;
            }
        }
        status = 0;
        return false;
    }

    private static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        foreach (var (key, value) in values)
        {
            if (key.Contains('\0', StringComparison.Ordinal))
                return true;
            foreach (var text in value)
            {
                if (text?.Contains('\0', StringComparison.Ordinal) == true)
                    return true;
            }
        }
        return false;
    }

    private void Refuse(AuthorizationFilterContext context, string problem, int status = StatusCodes.Status400BadRequest)
    {
        LogRefused(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, problem);
        context.Result = new StatusCodeResult(status);
    }

    [LoggerMessage(LogLevel.Warning, "A {Method} to {Path} was refused as unreadable: {Problem}.")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string problem);
}
