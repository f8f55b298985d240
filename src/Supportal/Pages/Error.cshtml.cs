using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages;

/// <summary>The friendly page behind every error status and unhandled exception in the UI.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string TitleKey => Code switch
    {
        404 => "Error.NotFound.Title",
        403 => "AccessDenied.Title",
        429 => "Error.TooMany.Title",
        503 => "Error.Unavailable.Title",
        < 500 => "Error.BadRequest.Title",
        _ => "Error.Server.Title",
    };

    public string TextKey => Code switch
    {
        404 => "Error.NotFound.Text",
        403 => "AccessDenied.Text",
        429 => "Error.TooMany.Text",
        503 => "Error.Unavailable.Text",
        < 500 => "Error.BadRequest.Text",
        _ => "Error.Server.Text",
    };

    // Neither handler binds anything: a failed request is re-executed here with its own body, and binding would read
    // a form that may be exactly what could not be read. The code comes from the route alone.
    public void OnGet() => Handle();

    // An exception during a POST is re-executed as a POST; it must still get the page.
    public void OnPost() => Handle();

    private void Handle()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : (int?)null;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        // Only error statuses: /Error/200 is not a way to make an error page look like a success.
        Code = code is >= 400 and < 600 ? code.Value
            : error is null ? 500
            // The database being away is nobody's mistake and passes by itself: "unavailable, try again", not "broken".
            : DatabaseOutage.IsCauseOf(error) ? 503
            // A body that could not be read as a form, wherever it was read: the sender's to fix, not a fault here.
            : UnreadableForms.IsCauseOf(error, out var status) ? status
            : 500;
        Response.StatusCode = Code;
    }
}
