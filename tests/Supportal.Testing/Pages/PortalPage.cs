using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>
/// A loaded page of the portal with the forms a test fills on it, each named once here rather than by selector in
/// every test. Reading the page goes through to the <see cref="Infrastructure.Page"/> it wraps.
/// </summary>
public abstract class PortalPage(PortalClient client, Page page)
{
    protected PortalClient Client { get; } = client;

    public Page Page { get; } = page;

    public HttpStatusCode Status => Page.Status;

    public string Path => Page.Path;

    public string Text => Page.Text;

    public IElement? Find(string selector) => Page.Find(selector);

    public IEnumerable<IElement> FindAll(string selector) => Page.FindAll(selector);

    public string FieldError(string name) => Page.FieldError(name);

    public IHtmlFormElement Form(string selector) => Page.Form(selector);

    /// <summary>Submits a form of this page with its current fields, overridden by the values, and the button if given.</summary>
    protected Task<Page> SubmitFormAsync(string form, IReadOnlyDictionary<string, string>? values = null, string? button = null) =>
        Client.SubmitAsync(Page.Form(form), values, button is null ? null : (IHtmlElement)Page.Find(button)!);

    /// <summary>Submits a form of this page with one file chosen in its "Files" input.</summary>
    protected Task<Page> UploadFormAsync(string form, string fileName, byte[] content, IReadOnlyDictionary<string, string>? values = null) =>
        Client.UploadAsync(Page.Form(form), "Files", fileName, content, values);

    protected static Dictionary<string, string> Fields(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);
}
