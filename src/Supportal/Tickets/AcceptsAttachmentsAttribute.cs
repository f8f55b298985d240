using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Data;

namespace Supportal.Tickets;

/// <summary>
/// On a page whose forms carry attachments: lifts the server's request and form size limits to what
/// <see cref="TicketOptions"/> allows (several files at the configured size). It runs before anything reads
/// the form, antiforgery included, because the limits apply when the form is first read.
/// </summary>
/// <remarks>
/// It also answers a file that could not be stored (<see cref="AttachmentNotStoredException"/>: a full disk, a failing
/// one) the same way on every such page: the form again, with what was typed kept and the reason by the file field,
/// instead of the error page. Nothing was saved by then; the page is shown as the handler left it, or as
/// <see cref="IAttachmentForm"/> rebuilds it.
/// </remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsAttachmentsAttribute : Attribute, IAuthorizationFilter, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>The file field's name on every form with attachments.</summary>
    public const string FilesField = "Files";

    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context) =>
        AllowBody(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<IOptions<TicketOptions>>().Value.MaxRequestBytes);

    /// <summary>
    /// Lifts the server's request body limit and the form reader's file limit to <paramref name="limit"/> bytes for this
    /// request only; called before anything reads the form.
    /// </summary>
    public static void AllowBody(HttpContext http, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not AttachmentNotStoredException failure || executed.ExceptionHandled)
            return;
        var services = context.HttpContext.RequestServices;
        // The transaction was rolled back, but the context still tracks what the failed change added and altered:
        // the page shown again must read the database as it is.
        services.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.ModelState.AddModelError(FilesField, localizer["Attachments.NotStored", failure.FileName]);
        executed.Result = context.HandlerInstance is IAttachmentForm form ? await form.ShowAgainAsync() : new PageResult();
        executed.ExceptionHandled = true;
    }
}

/// <summary>
/// A page with attachments that loads what it shows only when it shows the form again (not before saving): after a
/// file could not be stored, <see cref="AcceptsAttachmentsAttribute"/> asks it for the page to answer with.
/// </summary>
public interface IAttachmentForm
{
    Task<IActionResult> ShowAgainAsync();
}
