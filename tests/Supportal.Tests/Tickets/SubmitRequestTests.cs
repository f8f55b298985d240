using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>"Submit a request" without an account (TIC-7).</summary>
public sealed partial class SubmitRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "amber harbour violin kettle";

    private static Dictionary<string, string> FormValues(Page form, string email, string subject)
    {
        var service = form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        return new()
        {
            ["Input.Name"] = "Ewa Marzec", ["Input.Email"] = email, ["Input.ServiceId"] = service,
            ["Input.Subject"] = subject, ["Input.Description"] = "Invoices stay in the sending state.",
        };
    }

    private static async Task<Page> SubmitAsync(PortalClient client, string email, string subject, Action<Dictionary<string, string>>? change = null)
    {
        var form = await client.GetAsync("/Requests/Submit");
        var values = FormValues(form, email, subject);
        change?.Invoke(values);
        return await client.UploadAsync(form.Form(), "Files", "notes.txt", Encoding.UTF8.GetBytes("Seen at 09:14 on the invoice list."), values);
    }

    private static long Number(Page page) => long.Parse(NumberPattern().Match(page.Find("[data-submitted]")!.TextContent).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The confirmation's words without what differs from one request to the next.</summary>
    private static string Wording(Page page, string email) =>
        Regex.Replace(NumberPattern().Replace(page.Find("[data-submitted]")!.TextContent, "#N").Replace(email, "ADDRESS"), @"\s+", " ").Trim();

    [Fact]
    public async Task A_new_address_gets_an_account_without_password_the_request_and_a_link_that_sets_the_password()
    {
        const string email = "ewa.marzec@newcustomer.test";
        using var client = portal.CreatePortalClient();

        var done = await SubmitAsync(client, email, "E-invoices stuck");

        done.Path.ShouldBe("/Requests/Submit");
        var number = Number(done);
        done.Find("[role=status]")!.TextContent.ShouldBe($"Request #{number} has been received.");
        done.Text.ShouldContain($"We have e-mailed you at {email}.");
        done.Find("[data-submitted] a[href='/Account/Login']").ShouldNotBeNull();
        done.Find("[data-submitted] a[href='/Account/ForgotPassword?first=true']").ShouldNotBeNull();
        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        user.PasswordHash.ShouldBeNull();
        user.EmailConfirmed.ShouldBeFalse();
        (user.FirstName, user.LastName, user.Language).ShouldBe(("Ewa", "Marzec", "en"));
        var ticket = await portal.WithDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.Id == number)
            .Select(t => new { t.RequesterId, t.Kind, t.ServiceId, t.Subject, Files = t.Attachments.Select(a => a.FileName).ToList() }).SingleAsync());
        ticket.RequesterId.ShouldBe(user.Id);
        ticket.Kind.ShouldBe(TicketKind.Service);
        ticket.ServiceId.ShouldNotBeNull();
        ticket.Files.ShouldBe(["notes.txt"]);
        var mail = (await portal.MailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"[#{number}] E-invoices stuck");
        mail.TextBody.ShouldContain("/Account/ResetPassword");

        var reset = await client.GetAsync(await portal.LinkInLatestMailAsync(email, "/Account/ResetPassword"));
        var set = await client.SubmitAsync(reset.Form(), new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        set.Path.ShouldBe("/Account/ResetPasswordDone");

        using var signedIn = portal.CreatePortalClient();
        var dashboard = await signedIn.SignInAsync(email, NewPassword);
        dashboard.Path.ShouldBe("/Dashboard");
        dashboard.Find($"[data-open-requests] [data-ticket='{number}'] a[href='/Tickets/{number}']").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync())).ShouldBeTrue();
    }

    [Fact]
    public async Task An_account_made_by_a_request_gets_its_password_through_get_a_password()
    {
        const string email = "olaf.gora@newcustomer.test";
        using var client = portal.CreatePortalClient();
        var number = Number(await SubmitAsync(client, email, "Portal is slow"));

        var ask = await client.GetAsync("/Account/ForgotPassword?first=true");
        await client.SubmitAsync(ask.Form(), new Dictionary<string, string> { ["Input.Email"] = email });
        (await portal.MailsToAsync(email)).Count.ShouldBe(2);
        var reset = await client.GetAsync(await portal.LinkInLatestMailAsync(email, "/Account/ResetPassword"));
        (await client.SubmitAsync(reset.Form(), new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }))
            .Path.ShouldBe("/Account/ResetPasswordDone");

        using var signedIn = portal.CreatePortalClient();
        (await signedIn.SignInAsync(email, NewPassword)).Path.ShouldBe("/Dashboard");
        var owner = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == number).Select(t => t.Requester.Email).SingleAsync());
        owner.ShouldBe(email);
    }

    [Fact]
    public async Task A_known_address_gets_the_request_on_its_account_and_exactly_the_same_answer_as_a_new_one()
    {
        var known = await portal.CreateUserAsync("known.sender@customer.test", "Kira", "Znana");
        const string unknown = "unknown.sender@customer.test";
        using var client = portal.CreatePortalClient();

        var forKnown = await SubmitAsync(client, known.Email!, "Known sender");
        var accounts = await portal.WithDbAsync(db => db.Users.CountAsync());
        var forNew = await SubmitAsync(client, unknown, "Unknown sender");

        Wording(forKnown, known.Email!).ShouldBe(Wording(forNew, unknown));
        var number = Number(forKnown);
        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == number).Select(t => t.RequesterId).SingleAsync())).ShouldBe(known.Id);
        (await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == known.Email))).ShouldBe(1);
        (await portal.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(accounts + 1);
        var mail = (await portal.MailsToAsync(known.Email!)).ShouldHaveSingleItem();
        mail.TextBody.ShouldContain($"/Tickets/{number}");
        mail.TextBody.ShouldNotContain("/Account/ResetPassword");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == known.Id).Select(u => u.PasswordHash).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_same_looking_answer_and_nothing_is_created()
    {
        const string email = "bot@spam.test";
        using var client = portal.CreatePortalClient();
        var tickets = await portal.WithDbAsync(db => db.Tickets.CountAsync());

        var done = await SubmitAsync(client, email, "Cheap watches", v => v["Input.Website"] = "https://spam.test");

        done.Find("[role=status]")!.TextContent.ShouldMatch(@"^Request #\d+ has been received\.$");
        done.Text.ShouldContain($"We have e-mailed you at {email}.");
        (await portal.WithDbAsync(db => db.Tickets.CountAsync())).ShouldBe(tickets);
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await portal.MailsToAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_honeypot_is_hidden_from_people_and_skipped_by_the_keyboard()
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");

        var trap = form.Find("input[name='Input.Website']")!;
        (trap.GetAttribute("autocomplete"), trap.GetAttribute("tabindex")).ShouldBe(("off", "-1"));
        trap.ParentElement!.ClassList.ShouldContain("submit-extra");
        form.Find("label[for='Input_Website']")!.TextContent.ShouldBe("Leave this field empty");
        form.Find("main form button[type=submit]")!.TextContent.Trim().ShouldBe("Submit");
    }

    [Fact]
    public async Task Errors_are_shown_by_each_field_and_the_input_is_kept()
    {
        using var client = portal.CreatePortalClient();
        var tickets = await portal.WithDbAsync(db => db.Tickets.CountAsync());

        var page = await SubmitAsync(client, "not-an-address", "", v => v["Input.ServiceId"] = "");

        page.FieldError("Input.Email").ShouldBe("Enter a valid e-mail address.");
        page.FieldError("Input.Subject").ShouldBe("Subject is required.");
        page.FieldError("Input.ServiceId").ShouldBe("Platform or service is required.");
        page.Find("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("Ewa Marzec");
        page.Find("input[name='Input.Email']")!.GetAttribute("value").ShouldBe("not-an-address");
        page.Find("textarea[name='Input.Description']")!.TextContent.Trim().ShouldBe("Invoices stay in the sending state.");
        page.Find("[data-submitted]").ShouldBeNull();
        (await portal.WithDbAsync(db => db.Tickets.CountAsync())).ShouldBe(tickets);
    }

    [Fact]
    public async Task A_program_is_refused_and_nothing_is_created()
    {
        const string email = "program.sender@newcustomer.test";
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");
        var program = new byte[256];
        program[0] = (byte)'M';
        program[1] = (byte)'Z';

        var page = await client.UploadAsync(form.Form(), "Files", "invoice.pdf.exe", program, FormValues(form, email, "Please run this"));

        page.FieldError("Files").ShouldContain("invoice.pdf.exe");
        page.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Please run this");
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Please run this"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Visitors_find_the_form_in_the_top_bar_and_on_the_home_page()
    {
        using var client = portal.CreatePortalClient();

        var home = await client.GetAsync("/");

        home.Find("header a[href='/Requests/Submit']")!.GetAttribute("title").ShouldBe("Submit a request");
        home.Find("main a[href='/Requests/Submit']")!.TextContent.Trim().ShouldBe("Submit a request");
    }

    [Fact]
    public async Task Signed_in_people_are_sent_to_the_service_request_form()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        var response = await client.Http.GetAsync("/Requests/Submit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Tickets/New?kind=service");
    }

    [Fact]
    public async Task The_confirmation_cannot_be_opened_without_sending_a_request()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/Requests/Submit?handler=Done");

        page.Find("[data-submitted]").ShouldBeNull();
        page.Find("input[name='Input.Email']").ShouldNotBeNull();
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex NumberPattern();
}

/// <summary>The per-address limit, on its own portal so that other tests' requests do not count.</summary>
public sealed class SubmitRateLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sending_from_one_address_is_refused_with_429_after_the_limit_while_the_form_still_opens()
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");

        for (var i = 0; i < TicketsSetup.SubmitsPerWindowPerAddress; i++)
            (await client.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Subject"] = "" }, follow: false)).Status.ShouldBe(HttpStatusCode.OK);
        var refused = await client.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Subject"] = "" }, follow: false);

        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/Requests/Submit")).Status.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The per-address-of-e-mail limit, on its own portal so that the per-client limit does not interfere.</summary>
public sealed class SubmitAddressThrottleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task One_e_mail_address_may_send_only_a_few_requests_in_a_row()
    {
        const string email = "flood@newcustomer.test";
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Flo Od", ["Input.Email"] = email, ["Input.Subject"] = "Again", ["Input.Description"] = "Once more.",
            ["Input.ServiceId"] = form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!,
        };

        for (var i = 0; i < 5; i++)
            (await client.SubmitAsync(form.Form(), values)).Find("[data-submitted]").ShouldNotBeNull();
        var refused = await client.SubmitAsync(form.Form(), values);

        refused.Find("[role=alert]")!.TextContent.ShouldContain("Too many attempts for this address.");
        refused.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Again");
        (await portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.Requester.Email == email))).ShouldBe(5);
    }
}
