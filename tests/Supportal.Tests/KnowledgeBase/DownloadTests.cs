using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>The Downloads page, its files (validators, ranges, counting) and the editors' uploads (HLP-3).</summary>
public sealed class DownloadTests(DownloadTests.Portal portal) : IClassFixture<DownloadTests.Portal>
{
    /// <summary>Uploads up to 1 MB, so a test can go over the limit without sending a gigabyte.</summary>
    public sealed class Portal : PortalFactory
    {
        public Portal() => Settings["Downloads:MaxMegabytes"] = "1";

        private readonly Dictionary<string, PortalClient> signedIn = [];

        /// <summary>One signed-in client per person for the whole class: sign-ins are rate limited per address.</summary>
        public async Task<PortalClient> AsAsync(string email)
        {
            if (!signedIn.TryGetValue(email, out var client))
            {
                client = CreatePortalClient();
                await client.SignInAsync(email);
                signedIn[email] = client;
            }
            return client;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var client in signedIn.Values)
                client.Dispose();
            await base.DisposeAsync();
        }
    }

    private sealed record Made(int ItemId, int VersionId, byte[] Content);

    /// <summary>An item in a group of its own with one version, its file stored as an upload stores it.</summary>
    private async Task<Made> CreateDownloadAsync(string name, Readership readers = Readership.Public, string? manufacturer = null)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var content = Encoding.UTF8.GetBytes($"{name} {Guid.NewGuid()}\n{new string('x', 2000)}\n");
        using var upload = await scope.ServiceProvider.GetRequiredService<AttachmentStore>()
            .WriteAsync([new FormFile(new MemoryStream(content), 0, content.Length, "File", name + ".zip")]);
        upload.Place();
        var file = upload.Files[0];
        var item = new DownloadItem
        {
            Group = new DownloadGroup { NameEn = "Group of " + name, NamePl = "Grupa " + name }, NameEn = name, NamePl = name, Readers = readers,
            ManufacturerId = manufacturer is null ? null : await db.Manufacturers.Where(m => m.Name == manufacturer).Select(m => m.Id).SingleAsync(),
            Versions =
            [
                new DownloadVersion
                {
                    Version = "1.0", ReleasedOn = new DateOnly(2026, 1, 2), FileName = file.FileName, ContentType = file.ContentType,
                    Size = file.Size, Sha256 = file.Sha256, UploadedAt = portal.Clock.GetUtcNow().UtcDateTime,
                },
            ],
        };
        db.DownloadItems.Add(item);
        await db.SaveChangesAsync();
        return new(item.Id, item.Versions[0].Id, content);
    }

    private static string FileUrl(int versionId) => $"/Downloads/File/{versionId}/file.zip";

    private static Task<HttpResponseMessage> SendAsync(PortalClient client, HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, url);
        headers?.Invoke(request.Headers);
        return client.Http.SendAsync(request);
    }

    private Task<long> CountOfAsync(int versionId) =>
        portal.WithDbAsync(db => db.DownloadVersions.Where(v => v.Id == versionId).Select(v => v.DownloadCount).SingleAsync());

    private int StoredFiles() =>
        Directory.Exists(Path.Combine(portal.Database.StorageRoot, "attachments"))
            ? Directory.GetFiles(Path.Combine(portal.Database.StorageRoot, "attachments"), "*", SearchOption.AllDirectories).Length
            : 0;

    private static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public async Task Readers_find_only_the_downloads_they_may_read_and_every_other_file_is_not_found()
    {
        var open = await CreateDownloadAsync("Open tool");
        var members = await CreateDownloadAsync("Members tool", Readership.SignedIn);
        var firewalls = await CreateDownloadAsync("Sentinel firmware", Readership.ContractHolders, "Sentinel Firewalls");
        var lapsed = await CreateDownloadAsync("Meshport firmware", Readership.ContractHolders, "Meshport Networks");
        var guessed = await portal.WithDbAsync(db => db.DownloadVersions.MaxAsync(v => v.Id)) + 1;
        using var visitor = portal.CreatePortalClient();
        var customer = await portal.AsAsync("customer@example.com");
        var agent = await portal.AsAsync("agent@example.com");

        async Task ExpectAsync(PortalClient client, params (Made Made, bool Readable)[] cases)
        {
            var page = await client.GetAsync("/Downloads");
            page.Status.ShouldBe(HttpStatusCode.OK);
            foreach (var (made, readable) in cases)
            {
                (page.Find($"[data-item='{made.ItemId}']") is not null).ShouldBe(readable);
                (await SendAsync(client, HttpMethod.Get, FileUrl(made.VersionId))).StatusCode.ShouldBe(readable ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            }
            (await SendAsync(client, HttpMethod.Get, FileUrl(guessed))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await ExpectAsync(visitor, (open, true), (members, false), (firewalls, false), (lapsed, false));
        // The demo customer's contract covering Sentinel firewalls is active; the one covering Meshport switches has ended.
        await ExpectAsync(customer, (open, true), (members, true), (firewalls, true), (lapsed, false));
        await ExpectAsync(agent, (open, true), (members, true), (firewalls, true), (lapsed, true));
        (await visitor.GetAsync("/Downloads")).Text.ShouldNotContain("Meshport firmware");
    }

    [Fact]
    public async Task The_demo_remote_support_tool_is_served_with_its_published_sha256_and_validators()
    {
        using var visitor = portal.CreatePortalClient();
        var page = await visitor.GetAsync("/Downloads");
        page.Text.ShouldContain("Remote support tool");
        page.Text.ShouldNotContain("CA certificate bundle");
        var versions = page.FindAll("[data-version]").Where(v => v.Closest("[data-item]")!.TextContent.Contains("Remote support tool")).ToList();
        versions.Count.ShouldBe(2);
        versions[0].QuerySelector("[data-os]")!.TextContent.ShouldStartWith("macOS");
        page.Find("[data-downloads]").ShouldBeNull();
        var published = versions[0].QuerySelector("[data-sha256]")!.TextContent.Trim();
        var link = versions[0].QuerySelector("a[href^='/Downloads/File/']")!.GetAttribute("href")!;

        var response = await SendAsync(visitor, HttpMethod.Get, link);
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Hex(body).ShouldBe(published);
        response.Headers.ETag!.Tag.ShouldBe($"\"{published}\"");
        response.Headers.ETag.IsWeak.ShouldBeFalse();
        response.Content.Headers.ContentLength.ShouldBe(body.Length);
        response.Content.Headers.LastModified.ShouldNotBeNull();
        response.Headers.AcceptRanges.ShouldContain("bytes");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("remote-support-3.2.0-macos.zip");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task A_range_request_answers_206_with_those_bytes_and_if_range_with_another_etag_gets_the_whole_file()
    {
        var made = await CreateDownloadAsync("Ranged tool");
        using var visitor = portal.CreatePortalClient();
        var etag = new EntityTagHeaderValue($"\"{Hex(made.Content)}\"");

        var part = await SendAsync(visitor, HttpMethod.Get, FileUrl(made.VersionId), h => h.Range = new RangeHeaderValue(10, 19));
        var resumed = await SendAsync(visitor, HttpMethod.Get, FileUrl(made.VersionId), h =>
        {
            h.Range = new RangeHeaderValue(100, null);
            h.IfRange = new RangeConditionHeaderValue(etag);
        });
        var changed = await SendAsync(visitor, HttpMethod.Get, FileUrl(made.VersionId), h =>
        {
            h.Range = new RangeHeaderValue(100, null);
            h.IfRange = new RangeConditionHeaderValue("\"another\"");
        });

        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 10-19/{made.Content.Length}");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(made.Content[10..20]);
        resumed.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await resumed.Content.ReadAsByteArrayAsync()).ShouldBe(made.Content[100..]);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadAsByteArrayAsync()).ShouldBe(made.Content);
    }

    [Fact]
    public async Task A_browser_that_has_the_file_gets_304_for_its_etag()
    {
        var made = await CreateDownloadAsync("Cached tool");
        using var visitor = portal.CreatePortalClient();

        var response = await SendAsync(visitor, HttpMethod.Get, FileUrl(made.VersionId),
            h => h.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Hex(made.Content)}\"")));

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_download_counts_once_whole_or_from_its_first_byte_and_only_staff_see_the_count()
    {
        var made = await CreateDownloadAsync("Counted tool");
        using var visitor = portal.CreatePortalClient();
        var url = FileUrl(made.VersionId);

        await SendAsync(visitor, HttpMethod.Get, url);
        await SendAsync(visitor, HttpMethod.Get, url, h => h.Range = new RangeHeaderValue(0, 99));
        (await CountOfAsync(made.VersionId)).ShouldBe(2);

        // The rest of a broken download, a browser revalidating its copy and a HEAD are not new downloads.
        await SendAsync(visitor, HttpMethod.Get, url, h => h.Range = new RangeHeaderValue(100, null));
        await SendAsync(visitor, HttpMethod.Get, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{Hex(made.Content)}\"")));
        await SendAsync(visitor, HttpMethod.Head, url);
        (await CountOfAsync(made.VersionId)).ShouldBe(2);

        (await visitor.GetAsync("/Downloads")).Find($"[data-version='{made.VersionId}'] [data-downloads]").ShouldBeNull();
        var agent = await portal.AsAsync("agent@example.com");
        (await agent.GetAsync("/Downloads")).Find($"[data-version='{made.VersionId}'] [data-downloads]")!.TextContent.ShouldContain("2");
    }

    [Fact]
    public async Task An_editor_adds_a_group_an_item_and_versions_whose_sha256_is_computed_on_upload_and_readers_see_the_latest_first()
    {
        var admin = await portal.AsAsync("admin@example.com");
        var groups = await admin.GetAsync("/Knowledge/Downloads");
        await admin.SubmitAsync(groups.Form(), new Dictionary<string, string> { ["Input.NameEn"] = "Utilities", ["Input.NamePl"] = "Narzędzia" });
        var groupId = await portal.WithDbAsync(db => db.DownloadGroups.Where(g => g.NameEn == "Utilities").Select(g => g.Id).SingleAsync());
        var newItem = await admin.GetAsync($"/Knowledge/DownloadItem?group={groupId}");
        var item = await admin.SubmitAsync(newItem.Form(), new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Log collector", ["Input.NamePl"] = "Zbieracz logów", ["Input.DescriptionEn"] = "Gathers logs.",
        });
        var itemId = await portal.WithDbAsync(db => db.DownloadItems.Where(i => i.NameEn == "Log collector").Select(i => i.Id).SingleAsync());
        item.Path.ShouldBe($"/Knowledge/DownloadItem/{itemId}");
        var first = RandomNumberGenerator.GetBytes(100_000);
        var second = RandomNumberGenerator.GetBytes(70_000);
        (first[0], first[1], second[0], second[1]) = ((byte)'P', (byte)'K', (byte)'P', (byte)'K');

        var upload = await admin.GetAsync(item.Find("a[href^='/Knowledge/DownloadVersion/']")!.GetAttribute("href")!);
        var uploaded = await admin.UploadAsync(upload.Form(), "Input.File", "collector-1.0.zip", first, new Dictionary<string, string>
        {
            ["Input.Version"] = "1.0", ["Input.ReleasedOn"] = "2026-03-01", ["Input.OperatingSystem"] = "Linux", ["Input.NotesEn"] = "First **release**.",
        });
        uploaded.Path.ShouldBe($"/Knowledge/DownloadItem/{itemId}");
        await admin.UploadAsync((await admin.GetAsync($"/Knowledge/DownloadVersion/{itemId}")).Form(), "Input.File", "collector-1.1.zip", second,
            new Dictionary<string, string> { ["Input.Version"] = "1.1", ["Input.ReleasedOn"] = "2026-04-01" });

        var stored = await portal.WithDbAsync(db => db.DownloadVersions.Where(v => v.ItemId == itemId).OrderBy(v => v.Id).ToListAsync());
        stored.Select(v => (v.Version, v.Sha256, v.Size)).ShouldBe([("1.0", Hex(first), first.Length), ("1.1", Hex(second), second.Length)]);
        File.ReadAllBytes(portal.Services.GetRequiredService<AttachmentStore>().PathOf(Hex(first))).ShouldBe(first);
        using var visitor = portal.CreatePortalClient();
        var page = await visitor.GetAsync("/Downloads");
        var shown = page.FindAll($"[data-item='{itemId}'] [data-version]").ToList();
        shown.Select(v => v.QuerySelector("[data-sha256]")!.TextContent.Trim()).ShouldBe([Hex(second), Hex(first)]);
        shown[1].QuerySelector("[data-notes] strong")!.TextContent.ShouldBe("release");
        (await (await SendAsync(visitor, HttpMethod.Get, FileUrl(stored[0].Id))).Content.ReadAsByteArrayAsync()).ShouldBe(first);
        (await Audited("download group added: Utilities")).ShouldHaveSingleItem();
        (await Audited("download added: Log collector")).ShouldHaveSingleItem();
        (await Audited($"download {itemId} ")).ShouldBe([
            $"download {itemId} version 1.0 uploaded: collector-1.0.zip sha256 {Hex(first)}",
            $"download {itemId} version 1.1 uploaded: collector-1.1.zip sha256 {Hex(second)}"]);
    }

    /// <summary>The help-center audit records whose text starts so, oldest first, each with the admin who made it.</summary>
    private async Task<List<string>> Audited(string start)
    {
        var adminId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@example.com").Select(u => u.Id).SingleAsync());
        return await portal.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action == Supportal.Accounts.AuditActions.KnowledgeChanged && e.UserId == adminId && e.Detail!.StartsWith(start))
            .OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_and_changes_nothing()
    {
        var made = await CreateDownloadAsync("Size-limited tool");
        var admin = await portal.AsAsync("admin@example.com");
        var form = (await admin.GetAsync($"/Knowledge/DownloadVersion/{made.ItemId}")).Form();
        var values = new Dictionary<string, string> { ["Input.Version"] = "2.0", ["Input.ReleasedOn"] = "2026-05-01" };
        var files = StoredFiles();

        var refused = await admin.UploadAsync(form, "Input.File", "big.zip", new byte[1024 * 1024 + 1], values);
        var far = await admin.UploadAsync(form, "Input.File", "huge.zip", new byte[3 * 1024 * 1024], values);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Input.File").ShouldContain("1 MB");
        refused.Find("input[name='Input.Version']")!.GetAttribute("value").ShouldBe("2.0");
        far.Status.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        (await portal.WithDbAsync(db => db.DownloadVersions.CountAsync(v => v.ItemId == made.ItemId))).ShouldBe(1);
        StoredFiles().ShouldBe(files);
    }

    [Fact]
    public async Task Installers_are_published_but_scripts_and_programs_under_other_names_are_refused()
    {
        var made = await CreateDownloadAsync("Installer tool");
        var admin = await portal.AsAsync("admin@example.com");
        var values = new Dictionary<string, string> { ["Input.Version"] = "3.0", ["Input.ReleasedOn"] = "2026-05-01" };
        var program = "MZ"u8.ToArray().Concat(new byte[200]).ToArray();

        var script = await admin.UploadAsync((await admin.GetAsync($"/Knowledge/DownloadVersion/{made.ItemId}")).Form(), "Input.File", "install.bat", "@echo off"u8.ToArray(), values);
        var disguised = await admin.UploadAsync(script.Form(), "Input.File", "manual.pdf", program, values);
        var installer = await admin.UploadAsync(disguised.Form(), "Input.File", "setup.exe", program, values);

        script.FieldError("Input.File").ShouldContain(".bat");
        disguised.FieldError("Input.File").ShouldContain("manual.pdf");
        installer.Path.ShouldBe($"/Knowledge/DownloadItem/{made.ItemId}");
        (await portal.WithDbAsync(db => db.DownloadVersions.Where(v => v.ItemId == made.ItemId).Select(v => v.FileName).ToListAsync()))
            .ShouldBe(["Installer tool.zip", "setup.exe"], ignoreOrder: true);
    }

    [Fact]
    public async Task Only_knowledge_editors_and_admins_reach_the_download_editor_or_upload()
    {
        var made = await CreateDownloadAsync("Guarded tool");
        var agent = await portal.AsAsync("agent@example.com");
        var customer = await portal.AsAsync("customer@example.com");
        using var visitor = portal.CreatePortalClient();

        foreach (var url in new[] { "/Knowledge/Downloads", $"/Knowledge/DownloadItem/{made.ItemId}", $"/Knowledge/DownloadVersion/{made.ItemId}",
            $"/Knowledge/DownloadVersionDelete/{made.VersionId}", $"/Knowledge/DownloadItemDelete/{made.ItemId}" })
        {
            (await agent.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await customer.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden);
            (await visitor.GetAsync(url)).Path.ShouldBe("/Account/Login");
        }
        using var body = new MultipartFormDataContent
        {
            { new StringContent("9.9"), "Input.Version" }, { new StringContent("2026-05-01"), "Input.ReleasedOn" },
            { new ByteArrayContent("PK data"u8.ToArray()), "Input.File", "sneaky.zip" },
        };
        (await agent.FollowAsync(await agent.Http.PostAsync($"/Knowledge/DownloadVersion/{made.ItemId}", body))).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.DownloadVersions.CountAsync(v => v.ItemId == made.ItemId))).ShouldBe(1);
    }

    [Fact]
    public async Task An_editor_deletes_a_version_and_an_item_after_confirming_and_their_files_are_no_longer_served()
    {
        var made = await CreateDownloadAsync("Retired tool");
        var admin = await portal.AsAsync("admin@example.com");

        var confirm = await admin.GetAsync($"/Knowledge/DownloadVersionDelete/{made.VersionId}");
        confirm.Text.ShouldContain("Retired tool.zip");
        (await portal.WithDbAsync(db => db.DownloadVersions.AnyAsync(v => v.Id == made.VersionId))).ShouldBeTrue();
        var item = await admin.SubmitAsync(confirm.Form());
        item.Path.ShouldBe($"/Knowledge/DownloadItem/{made.ItemId}");
        (await SendAsync(admin, HttpMethod.Get, FileUrl(made.VersionId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var deleted = await admin.SubmitAsync((await admin.GetAsync($"/Knowledge/DownloadItemDelete/{made.ItemId}")).Form());
        deleted.Path.ShouldBe("/Knowledge/Downloads");
        (await portal.WithDbAsync(db => db.DownloadItems.AnyAsync(i => i.Id == made.ItemId))).ShouldBeFalse();
        (await Audited($"download {made.ItemId} ")).ShouldBe([
            $"download {made.ItemId} version 1.0 deleted: Retired tool.zip", $"download {made.ItemId} deleted with 0 versions: Retired tool"]);
    }
}
