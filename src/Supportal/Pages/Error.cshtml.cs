using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Data;

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

    public void OnGet(int? code) => Handle(code);

    // An exception during a POST is re-executed as a POST; it must still get the page.
    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        // Only error statuses: /Error/200 is not a way to make an error page look like a success.
        Code = code is >= 400 and < 600 ? code.Value
            // The database being away is nobody's mistake and passes by itself: "unavailable, try again", not "broken".
            : HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseOutage.IsCauseOf(error) ? 503 : 500;
        Response.StatusCode = Code;
    }
}
