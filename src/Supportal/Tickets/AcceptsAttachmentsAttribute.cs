using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Supportal.Tickets;

/// <summary>
/// On a page whose forms carry attachments: lifts the server's request and form size limits to what
/// <see cref="TicketOptions"/> allows (several files at the configured size). It runs before anything reads
/// the form, antiforgery included, because the limits apply when the form is first read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsAttachmentsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<IOptions<TicketOptions>>().Value.MaxRequestBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
