using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Supportal.Contracts;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>The plain rules under the ticket screens: file kinds, additional-field answers, customer statuses.</summary>
public sealed class TicketRulesTests
{
    private static readonly IStringLocalizer L = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, "report.txt")]        // a Windows program renamed
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02 }, "notes.pdf")]   // a Linux program renamed
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }, "photo.png")]         // a macOS program renamed
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E }, "log")]   // a script with an interpreter line
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "invoice.EXE")]      // a harmless file named to run
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "setup.bat")]
    public void Programs_are_recognised_by_content_or_by_a_name_Windows_runs(byte[] header, string name) =>
        FileKinds.IsProgram(header, name).ShouldBeTrue();

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "invoice.pdf")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "logs.zip")]
    [InlineData(new byte[] { 0x4D, 0x79, 0x20, 0x6C, 0x6F, 0x67 }, "my log.txt")] // starts with "My", not "MZ"
    public void Documents_are_accepted(byte[] header, string name) => FileKinds.IsProgram(header, name).ShouldBeFalse();

    [Fact]
    public void Only_raster_images_get_an_image_type_so_only_they_are_ever_shown_inline()
    {
        FileKinds.ContentType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).ShouldBe("image/png");
        FileKinds.ContentType([0xFF, 0xD8, 0xFF, 0xE0]).ShouldBe("image/jpeg");
        FileKinds.ContentType("GIF89a.."u8).ShouldBe("image/gif");
        FileKinds.ContentType("RIFF\0\0\0\0WEBPVP8 "u8).ShouldBe("image/webp");
        FileKinds.ContentType("<svg xmlns="u8).ShouldBe("application/octet-stream");
        FileKinds.ContentType("<html><script>"u8).ShouldBe("application/octet-stream");
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\kasia\\screen shot.png", "screen shot.png")]
    [InlineData("a\"b\r\n.txt", "ab.txt")]
    [InlineData("   ", "file")]
    public void Stored_file_names_are_the_last_segment_without_control_characters(string sent, string kept) =>
        AttachmentStore.SafeName(sent).ShouldBe(kept);

    private static AdditionalField Field(int id, FieldType type, bool required, params string[] options) => new()
    {
        Id = id, LabelEn = $"Field {id}", LabelPl = $"Pole {id}", Type = type, Required = required, Order = id,
        Options = options.Select((o, i) => new FieldOption { Value = o, LabelEn = o.ToUpperInvariant(), LabelPl = o + "-pl", Order = i }).ToList(),
    };

    [Fact]
    public void Field_answers_are_checked_by_type_and_kept_as_shown_in_both_languages()
    {
        AdditionalField[] fields =
        [
            Field(1, FieldType.Text, true), Field(2, FieldType.Number, false), Field(3, FieldType.Date, false),
            Field(4, FieldType.Choice, true, "ms-24", "ms-48"), Field(5, FieldType.Text, false),
        ];
        var answers = new Dictionary<int, string> { [1] = " v7.2 ", [2] = "1,5", [3] = "2026-11-20", [4] = "ms-48", [99] = "not asked" };

        var (errors, values) = FieldAnswers.Check(fields, answers, L);

        errors.ShouldBeEmpty();
        values.Select(v => (v.FieldId, v.ValueEn, v.ValuePl)).ShouldBe(
            [(1, "v7.2", "v7.2"), (2, "1.5", "1,5"), (3, "2026-11-20", "2026-11-20"), (4, "MS-48", "ms-48-pl")]);
        values.ShouldAllBe(v => v.LabelEn == $"Field {v.FieldId}" && v.LabelPl == $"Pole {v.FieldId}");
    }

    [Fact]
    public void Wrong_answers_get_a_message_by_each_field()
    {
        AdditionalField[] fields =
        [
            Field(1, FieldType.Text, true), Field(2, FieldType.Number, false), Field(3, FieldType.Date, false),
            Field(4, FieldType.Choice, true, "ms-24"), Field(5, FieldType.Text, false),
        ];
        var answers = new Dictionary<int, string> { [1] = "  ", [2] = "twelve", [3] = "20.11.2026", [4] = "ms-99", [5] = new string('x', 501) };

        using (Languages.Use("en"))
        {
            var (errors, values) = FieldAnswers.Check(fields, answers, L);

            values.ShouldBeEmpty();
            errors[1].ShouldBe("Field 1 is required.");
            errors[2].ShouldBe("Field 2 must be a number.");
            errors[3].ShouldBe("Field 3 must be a date.");
            errors[4].ShouldBe("Choose one of the options for Field 4.");
            errors[5].ShouldBe("Field 5 may have at most 500 characters.");
        }
        using (Languages.Use("pl"))
            FieldAnswers.Check(fields, answers, L).Errors[1].ShouldBe("Pole „Pole 1” jest wymagane.");
    }

    [Theory]
    [InlineData(TicketStatus.New, CustomerStatus.Open)]
    [InlineData(TicketStatus.Open, CustomerStatus.Open)]
    [InlineData(TicketStatus.OnHold, CustomerStatus.Open)]
    [InlineData(TicketStatus.Pending, CustomerStatus.AwaitingReply)]
    [InlineData(TicketStatus.Solved, CustomerStatus.Solved)]
    [InlineData(TicketStatus.Closed, CustomerStatus.Closed)]
    public void Customers_see_on_hold_as_open_and_pending_as_waiting_for_them(TicketStatus status, CustomerStatus shown)
    {
        status.ForCustomer().ShouldBe(shown);
        TicketStatuses.Of(shown).ShouldContain(status);
    }

    [Fact]
    public void Every_status_belongs_to_exactly_one_customer_status() =>
        Enum.GetValues<CustomerStatus>().SelectMany(TicketStatuses.Of).Order().ShouldBe(Enum.GetValues<TicketStatus>());
}
