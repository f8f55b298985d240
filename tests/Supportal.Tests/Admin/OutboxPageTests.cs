using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

public sealed class OutboxPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_queues_a_test_email_in_the_admins_language()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/Outbox");

        var result = await client.SubmitAsync(page.Form("form[action*='handler=Test']"),
            new Dictionary<string, string> { ["Test.Address"] = "ops@customer.test" });

        result.Path.ShouldBe("/Admin/Outbox");
        result.Find("[role=status]")!.TextContent.ShouldContain("Wiadomość testowa trafiła do kolejki.");
        var queued = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == "ops@customer.test"));
        queued.Subject.ShouldBe("Wiadomość testowa");
        queued.State.ShouldBe(OutboxState.Queued);
        // The admin is waiting for it: it goes ahead of ticket mail, and the list says so.
        queued.Priority.ShouldBe(MailPriority.Urgent);
        result.Find("tbody")!.TextContent.ShouldContain("ops@customer.test");
        result.Find("tbody [data-priority='Urgent']")!.TextContent.ShouldBe("Pilna");
    }

    [Theory]
    [InlineData("", "Pole Adres e-mail jest wymagane.")]
    [InlineData("not-an-address", "Podaj poprawny adres e-mail.")]
    public async Task A_bad_address_is_explained_next_to_the_field_and_nothing_is_queued(string address, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/Outbox");
        var before = await portal.WithDbAsync(db => db.OutboxMessages.CountAsync());

        var result = await client.SubmitAsync(page.Form("form[action*='handler=Test']"),
            new Dictionary<string, string> { ["Test.Address"] = address });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Test.Address").ShouldBe(message);
        result.Find("input[name='Test.Address']")!.GetAttribute("value").ShouldBe(address);
        (await portal.WithDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Admin_puts_a_failed_message_back_in_the_queue()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var message = new OutboxMessage
            {
                ToAddress = "bounced@customer.test", Subject = "Gave up", TextBody = "t", HtmlBody = "<p>t</p>",
                MessageId = "<failed@portal.test>", CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow,
                Attempts = 12, FailedAt = DateTime.UtcNow, LastError = "Mailbox unavailable",
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/Outbox?state=Failed");
        page.Find("tbody")!.TextContent.ShouldContain("Mailbox unavailable");

        await client.SubmitAsync(page.Form($"form[action*='handler=Retry'][action*='id={id}']"));

        var retried = await portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        retried.State.ShouldBe(OutboxState.Queued);
        retried.MessageId.ShouldBe("<failed@portal.test>");
    }

    [Fact]
    public async Task Customers_cannot_open_admin_pages_and_anonymous_visitors_are_sent_to_sign_in()
    {
        using (var anonymous = portal.CreatePortalClient())
        {
            var response = await anonymous.Http.GetAsync("/Admin/Outbox");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
        }
        using var customer = portal.CreatePortalClient();
        await customer.SignInAsync("customer@example.com");
        (await customer.GetAsync("/Admin/Outbox")).Status.ShouldBe(HttpStatusCode.Forbidden);
        // The agent is staff but not an admin.
        using var agent = portal.CreatePortalClient();
        await agent.SignInAsync("agent@example.com");
        (await agent.GetAsync("/Admin")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
