using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Email;

/// <summary>The outbox against a real SMTP server that is down, comes up, and counts what it receives.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private readonly int smtpPort = TestSmtpServer.FreePort();

    public Task InitializeAsync()
    {
        portal.Settings["Smtp:Host"] = "127.0.0.1";
        portal.Settings["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        portal.Settings["Smtp:TimeoutSeconds"] = "5";
        portal.Settings["Email:From"] = "support-system@portal.test";
        portal.Settings["Email:FromName"] = "Portal Support";
        portal.Settings["Email:MaxAttempts"] = "3";
        // The tests drive delivery rounds themselves; the background round must not race them.
        portal.Settings["Email:PollSeconds"] = "3600";
        return ((IAsyncLifetime)portal).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)portal).DisposeAsync();

    private OutboxSender Sender => portal.Services.GetRequiredService<OutboxSender>();

    private async Task<long> QueueAsync(string to = "jan.kowalski@customer.test", string language = "pl")
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<Mailer>().Queue(db, new MailRecipient(to, "Jan Kowalski", language),
            l => new MailContent(l["Mail.Test.Subject"], [l["Mail.Test.Body"]], "Open", "https://portal.test/requests/10001"));
        await db.SaveChangesAsync();
        return message.Id;
    }

    private Task<OutboxMessage> LoadAsync(long id) => portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Mail_queued_while_the_server_is_down_is_delivered_once_it_comes_up()
    {
        var id = await QueueAsync();

        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
        var failed = await LoadAsync(id);
        failed.SentAt.ShouldBeNull();
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrEmpty();
        failed.NextAttemptAt.ShouldBe(portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), TimeSpan.FromSeconds(1));

        using var smtp = await TestSmtpServer.StartAsync(smtpPort);
        // Not due yet: the back-off holds the retry back even though the server is up.
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        portal.Clock.Advance(TimeSpan.FromSeconds(31));
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);

        var sent = await LoadAsync(id);
        sent.SentAt.ShouldNotBeNull();
        sent.Attempts.ShouldBe(2);
        (await smtp.WaitForMessagesAsync(1)).Count.ShouldBe(1);
        // Nothing is sent twice.
        portal.Clock.Advance(TimeSpan.FromHours(2));
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        smtp.Messages().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Delivered_mail_has_text_and_html_parts_the_configured_sender_and_its_message_id()
    {
        using var smtp = await TestSmtpServer.StartAsync(smtpPort);
        var id = await QueueAsync();

        await Sender.DeliverDueAsync(CancellationToken.None);

        var mail = (await smtp.WaitForMessagesAsync(1)).Single();
        var stored = await LoadAsync(id);
        mail.Header("Message-ID").ShouldBe(stored.MessageId);
        stored.MessageId.ShouldEndWith("@portal.test>");
        mail.From.ShouldContain("Portal Support");
        mail.From.ShouldContain("<support-system@portal.test>");
        mail.To.ShouldContain("jan.kowalski@customer.test");
        // Written in the recipient's language.
        mail.Subject.ShouldBe("Wiadomość testowa");
        mail.Text.ShouldContain("To jest wiadomość testowa z portalu.");
        mail.Text.ShouldContain("https://portal.test/requests/10001");
        mail.Html.ShouldContain("<a href=\"https://portal.test/requests/10001\"");
        mail.Html.ShouldContain("Wiadomo");
    }

    [Fact]
    public async Task Several_senders_at_once_deliver_each_message_exactly_once()
    {
        using var smtp = await TestSmtpServer.StartAsync(smtpPort);
        for (var i = 0; i < 30; i++)
            await QueueAsync($"person{i}@customer.test", "en");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await Sender.DeliverDueAsync(CancellationToken.None) > 0)
            {
            }
        })));

        var received = await smtp.WaitForMessagesAsync(30);
        received.Count.ShouldBe(30);
        received.Select(m => m.Header("Message-ID")).Distinct().Count().ShouldBe(30);
        (await portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_message_claimed_by_a_node_that_stopped_mid_send_is_sent_once_its_claim_lapses()
    {
        using var smtp = await TestSmtpServer.StartAsync(smtpPort);
        var id = await QueueAsync();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedUntil, now.AddMinutes(5))));

        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        portal.Clock.Advance(TimeSpan.FromMinutes(6));
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);

        (await smtp.WaitForMessagesAsync(1)).Count.ShouldBe(1);
        (await LoadAsync(id)).State.ShouldBe(OutboxState.Sent);
    }

    [Fact]
    public async Task Message_is_set_aside_as_failed_after_the_last_attempt_and_kept()
    {
        var id = await QueueAsync();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
            portal.Clock.Advance(TimeSpan.FromHours(2));
        }

        var failed = await LoadAsync(id);
        failed.State.ShouldBe(OutboxState.Failed);
        failed.Attempts.ShouldBe(3);
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
    }
}
