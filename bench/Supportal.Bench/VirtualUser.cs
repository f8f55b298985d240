using System.Net;

namespace Supportal.Bench;

/// <summary>
/// One signed-in browser: its own HttpClient and cookies, redirects not followed so a post's 302 can be checked.
/// Cookies are kept by hand rather than in a CookieContainer: outside Development the app marks them Secure, and a
/// container would then never send them to the plain-http address a benchmark talks to on the app's own machine.
/// </summary>
public sealed class VirtualUser : IDisposable
{
    private readonly HttpClient http;
    private readonly Dictionary<string, string> cookies;
    private readonly Lock gate = new();

    public VirtualUser(Uri baseAddress, IDictionary<string, string>? cookies = null)
    {
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        this.cookies = new Dictionary<string, string>(cookies ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    public required string Email { get; init; }
    public Guid Id { get; init; }

    /// <summary>Another browser holding the same session (its own connection and cookie jar).</summary>
    public VirtualUser Clone()
    {
        lock (gate)
            return new VirtualUser(http.BaseAddress!, cookies) { Email = Email, Id = Id };
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        lock (gate)
            if (cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancel);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            lock (gate)
                foreach (var header in setCookies)
                {
                    var pair = header.Split(';', 2)[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                        continue;
                    var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                    // An expired cookie (sign-out, a consumed TempData) is deleted with an empty value.
                    if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        cookies.Remove(name);
                    else
                        cookies[name] = value;
                }
        return response;
    }

    public async Task<string> GetPageAsync(string url, CancellationToken cancel = default)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, cancel);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} for {Email}.");
        return await response.Content.ReadAsStringAsync(cancel);
    }

    /// <summary>
    /// Signs in through the real login form, then the code step with the code the portal e-mailed (read by
    /// <paramref name="signInCode"/> from its outbox). The form's posts are limited per address
    /// (<c>AccountsSetup.PostsPerMinutePerAddress</c>); on 429 this waits for the next window instead of hammering it.
    /// </summary>
    public async Task SignInAsync(string password, Func<CancellationToken, Task<string>> signInCode, TextWriter log, CancellationToken cancel = default)
    {
        var form = HtmlForm.Find(await GetPageAsync("/Account/Login", cancel), "name=\"Input.Login\"")
            ?? throw new InvalidOperationException("The login page has no form.");
        form.Set("Input.Login", Email);
        form.Set("Input.Password", password);
        var codeStep = await PostPastLimitAsync("/Account/Login", form, log, cancel);
        if (codeStep?.StartsWith("/Account/LoginWithCode", StringComparison.Ordinal) != true)
            return;
        var codeForm = HtmlForm.Find(await GetPageAsync(codeStep, cancel), "name=\"Input.Code\"")
            ?? throw new InvalidOperationException("The code page has no form.");
        codeForm.Set("Input.Code", await signInCode(cancel));
        await PostPastLimitAsync(codeStep, codeForm, log, cancel);
    }

    /// <summary>Posts a form that answers with a redirect, waiting out the per-address limit; returns where it leads.</summary>
    private async Task<string?> PostPastLimitAsync(string url, HtmlForm form, TextWriter log, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await SendAsync(HttpMethod.Post, url, form.UrlEncoded(), cancel);
            if (response.StatusCode == HttpStatusCode.Redirect)
                return response.Headers.Location?.OriginalString;
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 3)
                throw new InvalidOperationException($"Signing in {Email} answered {(int)response.StatusCode} at {url}.");
            log.WriteLine("The sign-in forms' limit for this address is reached; waiting a minute for the next window…");
            await Task.Delay(TimeSpan.FromSeconds(61), cancel);
        }
    }

    public void Dispose() => http.Dispose();
}
