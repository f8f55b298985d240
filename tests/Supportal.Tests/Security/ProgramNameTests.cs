using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;

namespace Supportal.Tests.Security;

/// <summary>
/// "Programs are not accepted" holds for the name a file is stored under: a name that only becomes a program's name
/// once cleaned (a trailing space, tab, NUL or dot, which Windows drops) is refused like the plain one, on the signed-in
/// form and on the anonymous "Submit a request" alike; so are disk images and other files that start programs.
/// </summary>
public sealed class ProgramNameTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    // Plain text, not a program by its content: only the name can give it away.
    private static readonly byte[] Script = "@echo off\r\necho hello\r\n"u8.ToArray();

    public static TheoryData<string, string> Bypasses => new()
    {
        { "run.bat ", "run.bat" },
        { "run.js\t", "run.js" },
        { "run.vbs\0", "run.vbs" },
        { "run.hta.", "run.hta" },
    };

    [Theory]
    [MemberData(nameof(Bypasses))]
    public async Task A_program_name_that_only_cleaning_reveals_is_refused_on_the_new_request_form(string sent, string shown)
    {
        var subject = $"Signed in {shown}";
        var page = await SignedInUploadAsync(subject, sent, UniqueContent(sent));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Files").ShouldContain(shown);
        page.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe(subject);
        await NothingStoredAsync(subject, UniqueContent(sent));
    }

    [Theory]
    [MemberData(nameof(Bypasses))]
    public async Task A_program_name_that_only_cleaning_reveals_is_refused_on_submit_a_request(string sent, string shown)
    {
        var subject = $"Anonymous {shown}";
        var email = $"bypass.{shown}@sender.test";

        var page = await AnonymousUploadAsync(email, subject, sent, UniqueContent(sent));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("[data-submitted]").ShouldBeNull();
        page.FieldError("Files").ShouldContain(shown);
        page.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe(subject);
        await NothingStoredAsync(subject, UniqueContent(sent));
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("install.iso", ".iso")]
    [InlineData("budget.xlsm", ".xlsm")]
    [InlineData("help.chm", ".chm")]
    public async Task Disk_images_and_other_launchers_are_refused_naming_the_type(string name, string type)
    {
        var subject = $"Launcher {name}";
        var page = await SignedInUploadAsync(subject, name, UniqueContent(name));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Files").ShouldContain(name);
        page.FieldError("Files").ShouldContain(type);
        await NothingStoredAsync(subject, UniqueContent(name));
    }

    [Fact]
    public async Task A_blocked_type_is_refused_on_submit_a_request_too()
    {
        var page = await AnonymousUploadAsync("iso.sender@sender.test", "Anonymous image", "disk.ISO", UniqueContent("disk.ISO"));

        page.FieldError("Files").ShouldContain("disk.ISO");
        await NothingStoredAsync("Anonymous image", UniqueContent("disk.ISO"));
    }

    private static int customers;

    private static byte[] UniqueContent(string name) => [.. Script, .. System.Text.Encoding.UTF8.GetBytes(Uri.EscapeDataString(name))];

    private async Task<Page> SignedInUploadAsync(string subject, string fileName, byte[] content)
    {
        // An account of its own per request: sign-in codes and limits of one account are not shared between tests.
        var email = $"customer{Interlocked.Increment(ref customers)}@programs.test";
        await portal.CreateUserAsync(email);
        using var client = await portal.SignedInAsync(email);
        var form = await client.GetAsync("/Tickets/New");
        return await SecurityForms.UploadRawAsync(client, form, new Dictionary<string, string>
        {
            ["Input.Subject"] = subject, ["Input.Description"] = "Please look at the attached file.",
        }, fileName, content);
    }

    private async Task<Page> AnonymousUploadAsync(string email, string subject, string fileName, byte[] content)
    {
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");
        return await SecurityForms.UploadRawAsync(client, form, SecurityForms.SubmitValues(form, email, subject), fileName, content);
    }

    private async Task NothingStoredAsync(string subject, byte[] content)
    {
        (await portal.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == subject))).ShouldBeFalse();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        (await portal.WithDbAsync(db => db.TicketAttachments.AnyAsync(a => a.Sha256 == hash))).ShouldBeFalse();
        Directory.EnumerateFiles(portal.Database.StorageRoot, hash, SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFiles(portal.Database.StorageRoot, "upload-*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }
}

/// <summary>A portal whose admin accepts disk images (<c>Tickets:AllowedFileTypes</c>).</summary>
public sealed class PortalAcceptingDiskImages : PortalFactory
{
    public PortalAcceptingDiskImages() => Settings["Tickets:AllowedFileTypes:0"] = "iso";
}

/// <summary>An admin may accept a type the portal refuses by name; the others stay refused.</summary>
public sealed class AllowedFileTypeTests(PortalAcceptingDiskImages portal) : IClassFixture<PortalAcceptingDiskImages>
{
    [Fact]
    public async Task A_type_the_admin_allows_is_accepted_and_stored_under_its_name()
    {
        using var client = await portal.SignedInAsync("customer@example.com");
        var form = await client.GetAsync("/Tickets/New");

        var created = await client.UploadFilesAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Installer image", ["Input.Description"] = "The image we install from.",
        }, ("Install.ISO ", "not really a disk image"u8.ToArray()));

        created.Status.ShouldBe(HttpStatusCode.Redirect);
        var files = await portal.WithDbAsync(db => db.TicketAttachments.Where(a => a.Ticket.Subject == "Installer image").Select(a => a.FileName).ToListAsync());
        files.ShouldBe(["Install.ISO"]);
    }

    [Fact]
    public async Task Types_the_admin_did_not_allow_stay_refused()
    {
        using var client = await portal.SignedInAsync("customer@example.com");
        var form = await client.GetAsync("/Tickets/New");

        var page = await client.UploadFilesAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Still a script", ["Input.Description"] = "A script.",
        }, ("run.bat.", "echo"u8.ToArray()));

        page.FieldError("Files").ShouldContain("run.bat");
        (await portal.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Still a script"))).ShouldBeFalse();
    }
}
