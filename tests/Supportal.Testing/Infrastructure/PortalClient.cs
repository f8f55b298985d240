using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Infrastructure;

/// <summary>Drives pages the way a browser without JavaScript does: GET, read the HTML, fill a form, POST it.</summary>
public sealed class PortalClient(HttpClient http, PortalFactory portal, CookieContainer cookies) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>The Cookie header this client would send now.</summary>
    public string CookieHeader => cookies.GetCookieHeader(http.BaseAddress!);

    public async Task<Page> GetAsync(string url, bool follow = true)
    {
        var response = await http.GetAsync(url);
        return follow ? await FollowAsync(response) : await Page.LoadAsync(response);
    }

    /// <summary>Submits a form with its current fields (antiforgery token included), overridden by values.</summary>
    public async Task<Page> SubmitAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null,
        IHtmlElement? submitter = null, bool follow = true)
    {
        var response = await http.PostAsync(Target(form, submitter), new FormUrlEncodedContent(Fields(form, values, submitter)));
        return follow ? await FollowAsync(response) : await Page.LoadAsync(response);
    }

    /// <summary>
    /// Submits a multipart form with one file chosen, as a browser does; a null file name is a file input left
    /// empty (browsers still send the part, with no file name and no content).
    /// </summary>
    public async Task<Page> UploadAsync(IHtmlFormElement form, string fileField, string? fileName, byte[] content,
        IReadOnlyDictionary<string, string>? values = null, bool follow = true)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(form, values, null))
            body.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName is null ? "application/octet-stream" : "text/csv");
        body.Add(file, fileField, fileName ?? "\"\"");
        var response = await http.PostAsync(Target(form, null), body);
        return follow ? await FollowAsync(response) : await Page.LoadAsync(response);
    }

    /// <summary>Submits a multipart form as a browser does with several files chosen in its "Files" input; the answer is not followed.</summary>
    public async Task<Page> UploadFilesAsync(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values,
        params (string Name, byte[] Content)[] files)
    {
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in Fields(form, values, null))
            body.Add(new StringContent(value), name);
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            body.Add(part, "Files", name);
        }
        return await Page.LoadAsync(await http.PostAsync(Target(form, null), body));
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string>? values, IHtmlElement? submitter)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "file":
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked && !string.IsNullOrEmpty(input.Name))
                        fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }
        if (values is not null)
        {
            foreach (var (name, value) in values)
            {
                fields.RemoveAll(f => f.Key == name);
                fields.Add(new(name, value));
            }
        }
        if (submitter?.GetAttribute("name") is { Length: > 0 } submitName)
            fields.Add(new(submitName, submitter.GetAttribute("value") ?? ""));
        return fields;
    }

    private static string Target(IHtmlFormElement form, IHtmlElement? submitter)
    {
        var action = submitter?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action");
        return new Uri(new Uri(form.Owner!.Url), action ?? "").PathAndQuery;
    }

    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                 or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb; hops++)
        {
            var location = response.Headers.Location!;
            response = await http.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
        return await Page.LoadAsync(response);
    }

    /// <summary>
    /// Signs in as a person does: login and password, then the one-time code from the e-mail the portal
    /// queued (read from its outbox) when it asks for one.
    /// </summary>
    public async Task<Page> SignInAsync(string login, string password = PortalFactory.DemoPassword)
    {
        var next = await (await SignInPage.OpenAsync(this)).SubmitAsync(login, password);
        return next.Path == "/Account/LoginWithCode" ? await EnterCodeAsync(next, login) : next;
    }

    /// <summary>Answers the code page with the code e-mailed to the address.</summary>
    public async Task<Page> EnterCodeAsync(Page codePage, string email) =>
        await new SignInCodePage(this, codePage).EnterAsync(await portal.LatestSignInCodeAsync(email));

    public void Dispose() => http.Dispose();
}

/// <summary>A response and, when it is HTML, its parsed document.</summary>
public sealed class Page
{
    private Page(HttpResponseMessage response, IDocument document)
    {
        Response = response;
        Document = document;
    }

    public HttpResponseMessage Response { get; }
    public IDocument Document { get; }
    public HttpStatusCode Status => Response.StatusCode;
    public string Path => Response.RequestMessage!.RequestUri!.AbsolutePath;
    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<Page> LoadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return new Page(response, document);
    }

    public IHtmlFormElement Form(string selector = "main form[method=post]") =>
        Document.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form matches '{selector}' on {Path}.");

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IEnumerable<IElement> FindAll(string selector) => Document.QuerySelectorAll(selector);

    /// <summary>The validation message shown next to a field, by the field's name.</summary>
    public string FieldError(string name) => Document.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";
}
