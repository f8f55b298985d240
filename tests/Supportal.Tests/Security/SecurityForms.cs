using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Security;

/// <summary>What the probes of this folder fill in and watch.</summary>
public static class SecurityForms
{
    /// <summary>A complete "Submit a request" form, the first platform or service chosen.</summary>
    public static Dictionary<string, string> SubmitValues(Page form, string email, string subject)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Probe Sender", ["Input.Email"] = email, ["Input.Subject"] = subject,
            ["Input.Description"] = "Sent by the probe.",
        };
        if (form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).FirstOrDefault(v => v is { Length: > 0 }) is { } service)
            values["Input.ServiceId"] = service;
        return values;
    }

    /// <summary>
    /// Posts a page's form with one file the way a script can and a browser would not: the file name goes on the wire
    /// byte for byte (HttpClient refuses a NUL in it). The fields are the form's antiforgery token and the values.
    /// </summary>
    public static async Task<Page> UploadRawAsync(PortalClient client, Page page, IReadOnlyDictionary<string, string> values,
        string fileName, byte[] content)
    {
        const string boundary = "----security-probe";
        var form = page.Form();
        var fields = new Dictionary<string, string>(values)
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        };
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in fields)
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(content);
        Write($"\r\n--{boundary}--\r\n");
        using var request = new ByteArrayContent(body.ToArray());
        request.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : page.Path;
        return await Page.LoadAsync(await client.Http.PostAsync(new Uri(new Uri(page.Document.Url), action).PathAndQuery, request));
    }
}

/// <summary>Every message the portal logs, with its exception's text, so a test can say what never appears in logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public void AddTo(PortalFactory portal) => portal.TestServices += services => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
