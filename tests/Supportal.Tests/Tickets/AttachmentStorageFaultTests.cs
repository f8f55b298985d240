using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Workspace;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>
/// The storage disk with so many bytes free: uploads go to real files until it is full, and the write that does not fit
/// fails as on a full disk, leaving the part that fitted on disk. Unlimited until a test says otherwise.
/// </summary>
public sealed class FullDisk
{
    private long free = long.MaxValue;

    /// <summary>The files being written when the disk filled up, with how much of each was on disk at that moment.</summary>
    public List<(string Path, long Length)> Filled { get; } = [];

    public void Leave(long bytes)
    {
        free = bytes;
        Filled.Clear();
    }

    public Stream Open(string path) =>
        new Writer(this, path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous));

    private sealed class Writer(FullDisk disk, string path, FileStream file) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var fits = Take(buffer.Length);
            file.Write(buffer[..fits]);
            if (fits < buffer.Length)
                Fail(buffer[fits..]);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var fits = Take(buffer.Length);
            await file.WriteAsync(buffer[..fits], cancellationToken);
            if (fits < buffer.Length)
                Fail(buffer.Span[fits..]);
        }

        private int Take(int wanted)
        {
            var fits = (int)Math.Min(wanted, disk.free);
            disk.free -= fits;
            return fits;
        }

        private void Fail(ReadOnlySpan<byte> rest)
        {
            file.Flush();
            disk.Filled.Add((path, new FileInfo(path).Length));
            // The failure is the operating system's own where there is one to ask: /dev/full answers every write with
            // "no space left on device" (ENOSPC).
            if (File.Exists("/dev/full"))
            {
                using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                full.Write(rest);
            }
            throw new IOException("There is not enough space on the disk.", unchecked((int)0x80070070));
        }

        public override void Flush() => file.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                file.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await file.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}

/// <summary>Fails the next insert of attachment rows, as a database that goes away in the middle of a save.</summary>
public sealed class FailingAttachmentRows : DbCommandInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Armed && command.CommandText.Contains("INSERT INTO \"TicketAttachments\"", StringComparison.Ordinal))
        {
            Armed = false;
            throw new InvalidOperationException("The database went away.");
        }
        return ValueTask.FromResult(result);
    }
}

public sealed class FullDiskPortal : PortalFactory
{
    public FullDisk Disk { get; } = new();

    public FailingAttachmentRows Rows { get; } = new();

    public FullDiskPortal()
    {
        Intercept(Rows);
        var intercept = TestServices!;
        TestServices = services =>
        {
            intercept(services);
            services.AddSingleton(new UploadTarget(Disk.Open));
        };
    }
}

/// <summary>
/// A file that cannot be stored (the disk is full) on every form that takes attachments: the form comes back with what
/// was typed and the reason by the file field, and nothing is kept, neither rows nor files, whole or partial.
/// </summary>
public sealed class AttachmentStorageFaultTests(FullDiskPortal portal) : IClassFixture<FullDiskPortal>
{
    private static string NotStoredEnglish(string file) => $"{file} could not be stored. Try again later or contact support.";

    private static string NotStoredPolish(string file) =>
        $"Nie udało się zapisać pliku {file}. Spróbuj ponownie później lub skontaktuj się z pomocą techniczną.";

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Anywhere under the storage root: the files a hash names, and temporary upload files.</summary>
    private List<string> Stored(string pattern) =>
        Directory.Exists(portal.Database.StorageRoot)
            ? Directory.EnumerateFiles(portal.Database.StorageRoot, pattern, SearchOption.AllDirectories).ToList()
            : [];

    /// <summary>The disk filled up while a file was being written, and nothing of it nor of the files before it stayed.</summary>
    private void NothingStored(long partLength, params byte[][] contents)
    {
        var (path, length) = portal.Disk.Filled.ShouldHaveSingleItem();
        Path.GetFileName(path).ShouldStartWith("upload-");
        length.ShouldBe(partLength);
        File.Exists(path).ShouldBeFalse();
        Stored("upload-*.tmp").ShouldBeEmpty();
        foreach (var content in contents)
            Stored(Hash(content)).ShouldBeEmpty();
    }

    private Task<int> AttachmentRowsAsync(params byte[][] contents)
    {
        var hashes = contents.Select(Hash).ToList();
        return portal.WithDbAsync(db => db.TicketAttachments.CountAsync(a => hashes.Contains(a.Sha256)));
    }

    [Fact]
    public async Task A_new_request_whose_second_file_fills_the_disk_comes_back_with_the_input_and_keeps_neither_file()
    {
        var user = await portal.CreateUserAsync("disk.new@customer.test");
        using var client = await portal.SignedInAsync("disk.new@customer.test");
        var page = await client.GetAsync("/Tickets/New");
        var first = RandomNumberGenerator.GetBytes(100_000);
        var second = RandomNumberGenerator.GetBytes(200_000);
        portal.Disk.Leave(150_000);

        var back = await client.UploadFilesAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Export keeps failing", ["Input.Description"] = "Logs attached.", ["Input.Priority"] = "High",
        }, ("export.log", first), ("trace.bin", second));

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Path.ShouldBe("/Tickets/New");
        back.FieldError("Files").ShouldBe(NotStoredEnglish("trace.bin"));
        back.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Export keeps failing");
        back.Find("textarea[name='Input.Description']")!.TextContent.ShouldBe("Logs attached.");
        back.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("High");
        back.Find("[data-files-again]").ShouldNotBeNull();
        NothingStored(50_000, first, second);
        (await portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterId == user.Id))).ShouldBe(0);
        (await AttachmentRowsAsync(first, second)).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_sent_without_an_account_on_a_full_disk_makes_no_account_and_says_so_in_Polish()
    {
        const string email = "disk.anonymous@newcustomer.test";
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");
        var form = await client.GetAsync("/Requests/Submit");
        var service = form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value"))
            .First(v => v is { Length: > 0 })!;
        var content = RandomNumberGenerator.GetBytes(10_000);
        portal.Disk.Leave(4_000);

        var back = await client.UploadAsync(form.Form(), "Files", "faktura.pdf", content, new Dictionary<string, string>
        {
            ["Input.Name"] = "Ewa Marzec", ["Input.Email"] = email, ["Input.ServiceId"] = service,
            ["Input.Subject"] = "Faktury nie wychodzą", ["Input.Description"] = "Stoją w kolejce od rana.",
        });

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Path.ShouldBe("/Requests/Submit");
        back.FieldError("Files").ShouldBe(NotStoredPolish("faktura.pdf"));
        back.Find("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("Ewa Marzec");
        back.Find("input[name='Input.Email']")!.GetAttribute("value").ShouldBe(email);
        back.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Faktury nie wychodzą");
        back.Find("textarea[name='Input.Description']")!.TextContent.ShouldBe("Stoją w kolejce od rana.");
        NothingStored(4_000, content);
        (await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.Subject == "Faktury nie wychodzą"))).ShouldBe(0);
        (await portal.MailsToAsync(email)).ShouldBeEmpty();
        (await AttachmentRowsAsync(content)).ShouldBe(0);
    }

    [Fact]
    public async Task A_reply_whose_file_cannot_be_stored_adds_nothing_and_leaves_the_request_waiting()
    {
        var requester = await portal.CreateUserAsync("disk.reply@customer.test", "Rita", "Owner", "pl");
        var ticket = await portal.CreateAsync(requester.Id, "Scanner offline");
        await portal.WithDbAsync(db =>
            db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Pending)));
        using var client = await portal.SignedInAsync("disk.reply@customer.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);
        var content = RandomNumberGenerator.GetBytes(30_000);
        portal.Disk.Leave(1);

        var back = await page.ReplyAsync("Here is the scanner's log.", "scanner.log", content);

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Path.ShouldBe($"/Tickets/{ticket.Id}");
        back.FieldError("Files").ShouldBe(NotStoredPolish("scanner.log"));
        back.Find("textarea[name='Reply.Body']")!.TextContent.Trim().ShouldBe("Here is the scanner's log.");
        NothingStored(1, content);
        var after = await portal.WithDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id)
            .Select(t => new { t.Status, Comments = t.Comments.Count, Events = db.TicketEvents.Count(e => e.TicketId == t.Id) })
            .SingleAsync());
        after.ShouldBe(new { Status = TicketStatus.Pending, Comments = 1, Events = 0 });
        (await AttachmentRowsAsync(content)).ShouldBe(0);
    }

    [Fact]
    public async Task An_agents_reply_whose_file_cannot_be_stored_changes_nothing_on_the_ticket_and_keeps_the_form_as_posted()
    {
        var requester = await portal.CreateUserAsync("disk.agent.owner@customer.test");
        var ticket = await portal.CreateAsync(requester.Id, "Switch reboots");
        await portal.AgentAsync("disk.agent@agent.test");
        using var client = await portal.SignedInAsync("disk.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        var mails = await portal.MailCountAsync(requester.Email!);
        var content = RandomNumberGenerator.GetBytes(120_000);
        portal.Disk.Leave(90_000);

        var back = await page.UploadAsync("config.txt", content,
            ("Input.Body", "Please load this configuration."), ("Input.Priority", "High"));

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Path.ShouldBe($"/Agent/Tickets/{ticket.Id}");
        back.FieldError("Files").ShouldBe(NotStoredEnglish("config.txt"));
        back.Find("textarea[name='Input.Body']")!.TextContent.Trim().ShouldBe("Please load this configuration.");
        back.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("High");
        back.Find("[data-history] [data-empty]").ShouldNotBeNull();
        NothingStored(90_000, content);
        var saved = await portal.TicketAsync(ticket.Id);
        (saved.Priority, saved.Status, saved.Version).ShouldBe((TicketPriority.Normal, TicketStatus.New, ticket.Version));
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);
        (await portal.EventsAsync(ticket.Id)).ShouldBeEmpty();
        (await portal.MailCountAsync(requester.Email!)).ShouldBe(mails);
        (await AttachmentRowsAsync(content)).ShouldBe(0);
    }

    [Fact]
    public async Task Files_written_for_a_save_that_fails_in_the_database_are_not_kept()
    {
        var requester = await portal.CreateUserAsync("disk.rows@customer.test");
        var content = RandomNumberGenerator.GetBytes(5_000);
        portal.Disk.Leave(long.MaxValue);
        portal.Rows.Armed = true;

        await Should.ThrowAsync<DbUpdateException>(() =>
            portal.CreateAsync(requester.Id, "Rows fail", "With a file.", FollowData.File("rows.txt", content)));

        portal.Rows.Armed.ShouldBeFalse();
        Stored("upload-*.tmp").ShouldBeEmpty();
        Stored(Hash(content)).ShouldBeEmpty();
        (await portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterId == requester.Id))).ShouldBe(0);
    }
}
