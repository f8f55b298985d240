using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tests.Workspace;

namespace Supportal.Tests.Security;

/// <summary>The portal with every log message kept for the test to read.</summary>
public sealed class PortalWithCapturedLogs : PortalFactory
{
    public PortalWithCapturedLogs() => Logs.AddTo(this);

    public CapturedLogs Logs { get; } = new();
}

/// <summary>
/// Input the portal cannot use gets a clear answer, never a server error: addresses that pass the e-mail check but
/// cannot name an account, and forms that cannot be read (a NUL byte, a field over the form limit, a broken multipart
/// body) on any page. Nothing changes, and the logs carry no field values.
/// </summary>
public sealed class BadInputAnswersTests(PortalWithCapturedLogs portal) : IClassFixture<PortalWithCapturedLogs>
{
    // One over the form reader's limit for a single field (FormOptions.ValueLengthLimit, 4 MiB).
    private const int OverLimit = (4 * 1024 * 1024) + 1;

    private static readonly string[] Addresses = ["o'brien@x.example", "ann smith@x.example", "zażółć@x.example"];

    public static TheoryData<string> UnusableAddresses => [.. Addresses];

    [Theory]
    [MemberData(nameof(UnusableAddresses))]
    public async Task Submit_a_request_answers_an_address_that_cannot_name_an_account_by_the_field(string email)
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");
        var before = await CountsAsync();

        var page = await client.SubmitAsync(form.Form(), SecurityForms.SubmitValues(form, email, "Odd address"), follow: false);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Input.Email").ShouldNotBeEmpty();
        page.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Odd address");
        (await CountsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(UnusableAddresses))]
    public async Task Copying_an_address_that_cannot_name_an_account_on_the_agents_ticket_is_answered_by_the_field(string email)
    {
        var requester = await portal.CreateUserAsync($"cc.owner.{Array.IndexOf(Addresses, email)}@customer.test");
        var ticket = await portal.CreateAsync(requester.Id, "Copy someone odd");
        var agentEmail = $"cc.agent.{ticket.Id}@agent.test";
        await portal.AgentAsync(agentEmail);
        using var client = await portal.SignedInAsync(agentEmail);
        var page = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        var before = await CountsAsync();

        var back = await client.SubmitAsync(page.Form("form[data-ticket-form]"), new Dictionary<string, string> { ["Input.AddCc"] = email },
            (IHtmlElement)page.Find("[data-save]")!, follow: false);

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.FieldError("Input.AddCc").ShouldNotBeEmpty();
        (await CountsAsync()).ShouldBe(before);
        (await portal.TicketAsync(ticket.Id)).Version.ShouldBe(ticket.Version);
    }

    public static TheoryData<string, string> PagesAndInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "sign-in", "new-request", "submit" })
        {
            foreach (var input in new[] { "nul", "over-limit", "broken-multipart" })
                data.Add(page, input);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndInputs))]
    public async Task An_unreadable_form_gets_a_clear_answer_and_changes_nothing(string pageName, string input)
    {
        var probeAddress = $"probe.{pageName}.{input}@customer.test";
        using var client = pageName == "new-request" ? await SignedInCustomerAsync(probeAddress) : portal.CreatePortalClient();
        var url = pageName switch { "sign-in" => "/Account/Login", "new-request" => "/Tickets/New", _ => "/Requests/Submit" };
        var form = await client.GetAsync(url);
        var token = ((IHtmlInputElement)form.Find("main form[method=post] input[name='__RequestVerificationToken']")!).Value;
        var fields = pageName == "sign-in"
            ? new Dictionary<string, string> { ["Input.Login"] = probeAddress, ["Input.Password"] = PortalFactory.DemoPassword }
            : SecurityForms.SubmitValues(form, probeAddress, "Probe request");
        fields["__RequestVerificationToken"] = token;
        var field = pageName == "sign-in" ? "Input.Login" : "Input.Description";
        var mark = $"probe-{pageName}-{input}-value";
        var before = await CountsAsync();
        var logsBefore = portal.Logs.Entries.Count;

        HttpContent body = input switch
        {
            "nul" => Content(pageName, Replace(fields, field, $"{fields[field]}\0{mark}")),
            "over-limit" => Content(pageName, Replace(fields, field, mark + new string('x', OverLimit))),
            _ => BrokenMultipart(fields, mark),
        };
        var response = await client.Http.PostAsync(url, body);
        var page = await Page.LoadAsync(response);

        page.Status.ShouldNotBe(HttpStatusCode.InternalServerError);
        if (page.Status == HttpStatusCode.OK)
            page.FindAll(".invalid-feedback, [role=alert]").Select(e => e.TextContent.Trim()).ShouldContain(t => t.Length > 0);
        else
        {
            page.Status.ShouldBe(HttpStatusCode.BadRequest);
            // The friendly page, in the portal's layout.
            page.Find("main h1")!.TextContent.ShouldBe("Something is wrong with the request");
            page.Find("header a[href='/']").ShouldNotBeNull();
        }
        (await CountsAsync()).ShouldBe(before);
        var logged = portal.Logs.Entries.Skip(logsBefore).ToList();
        logged.ShouldAllBe(entry => !entry.Contains(mark) && !entry.Contains(probeAddress));
    }

    private async Task<PortalClient> SignedInCustomerAsync(string email)
    {
        await portal.CreateUserAsync("owner." + email);
        return await portal.SignedInAsync("owner." + email);
    }

    private static Dictionary<string, string> Replace(Dictionary<string, string> fields, string field, string value) =>
        new(fields) { [field] = value };

    /// <summary>The form as its page's browser sends it: URL-encoded for the sign-in, multipart where files may go.</summary>
    private static HttpContent Content(string pageName, Dictionary<string, string> fields)
    {
        if (pageName == "sign-in")
            return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            multipart.Add(new StringContent(value), name);
        return multipart;
    }

    /// <summary>A multipart body cut off inside a part: the closing boundary never comes.</summary>
    private static ByteArrayContent BrokenMultipart(Dictionary<string, string> fields, string mark)
    {
        const string boundary = "----probe-boundary";
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
            text.Append(Invariant($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        text.Append(Invariant($"--{boundary}\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\n{mark} and then"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private Task<(int Tickets, int Users, int Mails, int Attachments)> CountsAsync() => portal.WithDbAsync(async db =>
        (await db.Tickets.CountAsync(), await db.Users.CountAsync(), await db.OutboxMessages.CountAsync(), await db.TicketAttachments.CountAsync()));
}
