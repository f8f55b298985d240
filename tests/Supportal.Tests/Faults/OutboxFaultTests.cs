using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Faults;

/// <summary>
/// The outbox under the faults a mail server and a cluster of nodes bring: a slow server, two senders, a node that dies
/// or stops mid-batch, a database that refuses to record a send, a backlog in front of a sign-in code. The mail server
/// is real (it counts the copies by Message-ID); only the slowness and the crashes are injected, on the portal's clock.
/// </summary>
public sealed class OutboxFaultTests : IAsyncLifetime
{
    private readonly FaultyPortal portal = new();
    private TestSmtpServer smtp = null!;

    /// <summary>Runs around every send of the first node; a test sets it to slow a send down, or to hang one.</summary>
    private Func<OutboxMessage, Task> beforeSend = _ => Task.CompletedTask;

    private Func<OutboxMessage, Task> afterSend = _ => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        smtp = await TestSmtpServer.StartAsync();
        portal.Settings["Smtp:Host"] = "127.0.0.1";
        portal.Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        portal.Settings["Email:From"] = "support-system@portal.test";
        var intercept = portal.TestServices;
        portal.TestServices = services =>
        {
            intercept?.Invoke(services);
            services.AddSingleton<IMailTransport>(sp =>
                new ScriptedTransport(ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp), m => beforeSend(m), m => afterSend(m)));
        };
        await ((IAsyncLifetime)portal).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)portal).DisposeAsync();
        smtp.Dispose();
    }

    private OutboxSender Sender => portal.Services.GetRequiredService<OutboxSender>();

    private async Task<List<long>> QueueAsync(int count, MailPriority priority = MailPriority.Normal, string to = "person")
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var queued = Enumerable.Range(0, count).Select(i => mailer.Queue(db, new MailRecipient($"{to}{i}@customer.test", null, "en"),
            l => new MailContent(l["Mail.Test.Subject"], [l["Mail.Test.Body"]]), priority)).ToList();
        await db.SaveChangesAsync();
        return queued.Select(m => m.Id).ToList();
    }

    private Task<List<OutboxMessage>> MessagesAsync(PortalFactory? node = null) =>
        (node ?? portal).WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Every queued message reached the server exactly once: one copy for each Message-ID, and all recorded as sent.</summary>
    private async Task EachDeliveredOnceAsync(int count, PortalFactory? node = null)
    {
        var received = await smtp.WaitForMessagesAsync(count);
        var messages = await MessagesAsync(node);
        messages.Count.ShouldBe(count);
        messages.ShouldAllBe(m => m.SentAt != null);
        received.GroupBy(m => m.Header("Message-ID")).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("sent twice");
        received.Select(m => m.Header("Message-ID")).Order().ShouldBe(messages.Select(m => m.MessageId).Order());
    }

    /// <summary>
    /// A slow server, with the other node looking for due mail after each of the first node's messages, as it would on
    /// its own poll. At 25 s a message the first node hands the rest of each batch back (and a batch of 20 once outlasted
    /// a 5-minute claim); at 4 s a message a batch outlasts the claim unless its holder renews it.
    /// </summary>
    [Theory]
    [InlineData(30, 25)]
    [InlineData(5, 4)]
    public async Task Two_nodes_with_a_slow_server_send_each_message_once(int timeoutSeconds, int secondsPerMessage)
    {
        portal.Settings["Smtp:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture);
        await QueueAsync(30);
        using var other = portal.AnotherNode();
        var otherSender = other.Services.GetRequiredService<OutboxSender>();
        beforeSend = _ =>
        {
            portal.Clock.Advance(TimeSpan.FromSeconds(secondsPerMessage));
            return Task.CompletedTask;
        };
        afterSend = _ => otherSender.DeliverDueAsync(CancellationToken.None);

        while (await Sender.DeliverDueAsync(CancellationToken.None) > 0)
        {
        }
        while (await otherSender.DeliverDueAsync(CancellationToken.None) > 0)
        {
        }

        await EachDeliveredOnceAsync(30);
    }

    [Fact]
    public async Task A_node_that_dies_mid_send_holds_its_messages_only_until_its_claim_lapses()
    {
        await QueueAsync(3);
        // The first node's server accepts the first message, then the node dies before recording it.
        var died = new TaskCompletionSource();
        afterSend = _ =>
        {
            died.TrySetResult();
            return new TaskCompletionSource().Task;
        };
        _ = Sender.DeliverDueAsync(CancellationToken.None);
        await died.Task;

        using var other = portal.AnotherNode();
        portal.Clock.Advance(Sender.ClaimLease + TimeSpan.FromSeconds(1));
        Sender.ClaimLease.ShouldBeLessThan(TimeSpan.FromMinutes(1));
        (await other.Services.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None)).ShouldBe(3);

        // The one message the server had already accepted arrives twice, under one Message-ID, so a mail client
        // shows it once: the promise SMTP allows across a crash between the server's answer and the record of it.
        var received = await smtp.WaitForMessagesAsync(4);
        var messages = await MessagesAsync();
        messages.ShouldAllBe(m => m.SentAt != null);
        received.GroupBy(m => m.Header("Message-ID")).Select(g => g.Count()).Order().ShouldBe([1, 1, 2]);
        received.Select(m => m.Header("Message-ID")).Distinct().Order().ShouldBe(messages.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task A_stopping_node_hands_back_what_it_has_not_sent_at_once()
    {
        await QueueAsync(5);
        var sending = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        beforeSend = async _ =>
        {
            sending.TrySetResult();
            await proceed.Task;
        };
        await Sender.StartAsync(CancellationToken.None);
        await sending.Task;

        // A graceful stop while the first message is with the server: that one is finished, the rest handed back.
        var stopping = Sender.StopAsync(CancellationToken.None);
        proceed.SetResult();
        await stopping;

        using var other = portal.AnotherNode();
        (await other.Services.GetRequiredService<OutboxSender>().DeliverDueAsync(CancellationToken.None)).ShouldBe(4);
        await EachDeliveredOnceAsync(5);
    }

    [Fact]
    public async Task A_send_the_database_could_not_record_at_first_is_recorded_when_it_is_back_and_not_sent_again()
    {
        await QueueAsync(2);
        portal.RefusedRecords = 3;

        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(2);

        portal.RefusedRecords.ShouldBe(0);
        portal.Clock.Advance(TimeSpan.FromHours(2));
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        await EachDeliveredOnceAsync(2);
    }

    [Fact]
    public async Task Urgent_mail_leaves_before_a_backlog_queued_earlier()
    {
        await QueueAsync(25, MailPriority.Bulk, "bulk");
        await QueueAsync(25, MailPriority.Normal, "ticket");
        var code = (await QueueAsync(1, MailPriority.Urgent, "code")).Single();

        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(OutboxSender.BatchSize);

        var messages = await MessagesAsync();
        messages.Single(m => m.Id == code).SentAt.ShouldNotBeNull();
        messages.Where(m => m.SentAt != null).ShouldAllBe(m => m.Priority != MailPriority.Bulk);
    }

    [Fact]
    public async Task A_sign_in_code_queued_behind_a_bulk_backlog_overtakes_it()
    {
        await QueueAsync(300, MailPriority.Bulk, "bulk");
        await Sender.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(async () => (await MessagesAsync()).Any(m => m.SentAt != null), "the backlog to start moving");
            var code = (await QueueAsync(1, MailPriority.Urgent, "code")).Single();

            await Eventually.TrueAsync(async () => (await MessagesAsync()).Single(m => m.Id == code).SentAt != null, "the code to be sent");
            // Each connection finishes the batch it has, then takes the code: at most a batch per connection in between.
            var sentBefore = (await MessagesAsync()).Count(m => m.SentAt != null && m.Priority == MailPriority.Bulk);
            sentBefore.ShouldBeLessThan(200);
        }
        finally
        {
            await Sender.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_message_stuck_with_the_server_does_not_hold_the_codes_claimed_with_it()
    {
        await QueueAsync(1, MailPriority.Urgent, "stuck");
        var codes = await QueueAsync(3, MailPriority.Urgent, "code");
        var stuck = new TaskCompletionSource();
        var sending = new TaskCompletionSource();
        beforeSend = m =>
        {
            if (!m.ToAddress.StartsWith("stuck", StringComparison.Ordinal))
                return Task.CompletedTask;
            sending.TrySetResult();
            return stuck.Task;
        };
        var first = Sender.DeliverDueAsync(CancellationToken.None);
        await sending.Task;

        // The portal's clock passes the point where a send counts as slow; the batch's other messages are handed back
        // and another connection (here, another round) sends them while the first still waits for the server.
        // The clock moves a second at a time: the sender may start timing the send only after this test saw it begin.
        var moved = TimeSpan.Zero;
        await Eventually.TrueAsync(async () =>
        {
            if (moved <= OutboxSender.SlowSend * 2)
            {
                portal.Clock.Advance(TimeSpan.FromSeconds(1));
                moved += TimeSpan.FromSeconds(1);
            }
            return await Sender.DeliverDueAsync(CancellationToken.None) > 0;
        }, "the codes to be handed back");
        (await MessagesAsync()).Where(m => codes.Contains(m.Id)).ShouldAllBe(m => m.SentAt != null);

        stuck.SetResult();
        (await first).ShouldBe(4);
        await EachDeliveredOnceAsync(4);
    }

    [Fact]
    public async Task One_connection_carries_several_messages_up_to_the_configured_number()
    {
        using var node = portal.AnotherNode();
        node.Settings["Smtp:Connections"] = "1";
        node.Settings["Smtp:MessagesPerConnection"] = "4";
        await QueueAsync(10);
        var sender = node.Services.GetRequiredService<OutboxSender>();

        await sender.StartAsync(CancellationToken.None);
        await smtp.WaitForMessagesAsync(10);
        await sender.StopAsync(CancellationToken.None);

        // aiosmtpd stamps each message with the client's address and port: one port is one connection.
        var connections = smtp.Messages().GroupBy(m => m.Header("X-Peer")).Select(g => g.Count()).Order().ToList();
        connections.ShouldBe([2, 4, 4]);
    }

    [Fact]
    public async Task Mail_queued_while_the_server_is_down_is_sent_once_by_the_restarted_app()
    {
        smtp.Dispose();
        await QueueAsync(4);
        (await Sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(4);
        (await MessagesAsync()).ShouldAllBe(m => m.SentAt == null && m.Attempts == 1);

        // The app restarts; the server comes back on its old port.
        await portal.DisposeAsync();
        smtp = await TestSmtpServer.StartAsync(int.Parse(portal.Settings["Smtp:Port"]!, CultureInfo.InvariantCulture));
        await using var restarted = portal.AnotherNode();
        var sender = restarted.Services.GetRequiredService<OutboxSender>();
        (await sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(0);
        portal.Clock.Advance(OutboxSender.RetryDelay(1));
        (await sender.DeliverDueAsync(CancellationToken.None)).ShouldBe(4);

        await EachDeliveredOnceAsync(4, restarted);
    }

    /// <summary>The real transport, with hooks before and after each send for slowing a message down or hanging it.</summary>
    private sealed class ScriptedTransport(IMailTransport real, Func<OutboxMessage, Task> before, Func<OutboxMessage, Task> after) : IMailTransport
    {
        public IMailConnection Open() => new Connection(real.Open(), before, after);

        private sealed class Connection(IMailConnection real, Func<OutboxMessage, Task> before, Func<OutboxMessage, Task> after) : IMailConnection
        {
            public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
            {
                await before(message);
                await real.SendAsync(message, cancellationToken);
                await after(message);
            }

            public Task CloseAsync() => real.CloseAsync();

            public ValueTask DisposeAsync() => real.DisposeAsync();
        }
    }

    /// <summary>A portal whose database refuses the next few records of a delivery, as it does while it restarts.</summary>
    private sealed class FaultyPortal : PortalFactory
    {
        private int refused;

        public FaultyPortal() => Intercept(new RefuseRecords(this));

        public int RefusedRecords
        {
            get => Volatile.Read(ref refused);
            set => Volatile.Write(ref refused, value);
        }

        private bool RefuseOne()
        {
            int left;
            do
            {
                left = Volatile.Read(ref refused);
                if (left <= 0)
                    return false;
            }
            while (Interlocked.CompareExchange(ref refused, left - 1, left) != left);
            return true;
        }

        private sealed class RefuseRecords(FaultyPortal portal) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
                InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (command.CommandText.Contains("\"SentAt\" = ", StringComparison.Ordinal) && portal.RefuseOne())
                    throw new TimeoutException("The database is restarting.");
                return ValueTask.FromResult(result);
            }
        }
    }
}
