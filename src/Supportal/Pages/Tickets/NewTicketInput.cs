using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

/// <summary>A platform or service offered on the service request form.</summary>
public sealed record ServiceOption(int Id, string NameEn, string NamePl)
{
    public string Name => Platform.Languages.Pick(NameEn, NamePl);
}

/// <summary>
/// What the "Create new ticket" form posts, for every kind. Choices arrive as text and are checked here, so a
/// tampered value gets the same localized message as a missing one.
/// </summary>
public sealed class NewTicketInput
{
    public const int ProcessLength = 500;

    [Required(ErrorMessage = "Validation.Required"), StringLength(Ticket.SubjectLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "NewTicket.Subject")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(TicketComment.BodyLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "NewTicket.Description")]
    public string Description { get; set; } = "";

    [Display(Name = "NewTicket.Priority")]
    public string? Priority { get; set; } = nameof(TicketPriority.Normal);

    /// <summary>The chosen asset, carried by a hidden field; checked against the person's entitlement on post.</summary>
    public int? AssetId { get; set; }

    [Display(Name = "NewTicket.Service")]
    public int? ServiceId { get; set; }

    [Display(Name = "NewTicket.Impact")]
    public string? Impact { get; set; } = nameof(BusinessImpact.None);

    /// <summary>As a <c>datetime-local</c> input sends it, in the person's time zone.</summary>
    [Display(Name = "NewTicket.OccurredAt")]
    public string? OccurredAt { get; set; }

    [StringLength(ProcessLength, ErrorMessage = "Validation.TooLong"), Display(Name = "NewTicket.Process")]
    public string? Process { get; set; }

    [StringLength(TicketComment.BodyLength, ErrorMessage = "Validation.TooLong"), Display(Name = "NewTicket.MoreInformation")]
    public string? MoreInformation { get; set; }

    public static TicketKind KindOf(string? name) => name?.ToLowerInvariant() switch
    {
        "support" => TicketKind.Support,
        "service" => TicketKind.Service,
        _ => TicketKind.Administrative,
    };

    /// <summary>
    /// Checks the choices the annotations cannot (enum values, the service, the time) and returns the draft, or
    /// null with the problems in <paramref name="state"/>. The asset and its fields are the page's to add.
    /// </summary>
    public NewTicket? Check(TicketKind kind, IReadOnlyList<ServiceOption> services, TimeZoneInfo zone, DateTime nowUtc,
        ModelStateDictionary state, IStringLocalizer l)
    {
        var priority = kind == TicketKind.Service ? TicketPriority.Normal : Parse<TicketPriority>(Priority);
        if (priority is null)
            state.AddModelError("Input.Priority", l["NewTicket.NotAChoice", l["NewTicket.Priority"]]);
        if (kind != TicketKind.Service)
            return priority is { } p && state.IsValid ? new NewTicket(kind, Subject.Trim(), Description, p) : null;

        if (ServiceId is { } serviceId ? services.All(s => s.Id != serviceId) : services.Count > 0)
            state.AddModelError("Input.ServiceId", ServiceId is null ? l["Validation.Required", l["NewTicket.Service"]] : l["NewTicket.NotAChoice", l["NewTicket.Service"]]);
        var impact = Parse<BusinessImpact>(Impact);
        if (impact is null)
            state.AddModelError("Input.Impact", l["NewTicket.NotAChoice", l["NewTicket.Impact"]]);
        var occurredAt = OccurredUtc(zone, nowUtc, state, l);
        if (!state.IsValid)
            return null;
        return new NewTicket(kind, Subject.Trim(), Description, TicketPriority.Normal)
        {
            ServiceId = ServiceId, Impact = impact, OccurredAt = occurredAt,
            Process = string.IsNullOrWhiteSpace(Process) ? null : Process.Trim(),
            MoreInformation = string.IsNullOrWhiteSpace(MoreInformation) ? null : MoreInformation,
        };
    }

    private DateTime? OccurredUtc(TimeZoneInfo zone, DateTime nowUtc, ModelStateDictionary state, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(OccurredAt))
            return null;
        if (!DateTime.TryParseExact(OccurredAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local) || zone.IsInvalidTime(local))
        {
            state.AddModelError("Input.OccurredAt", l["NewTicket.NotATime"]);
            return null;
        }
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        // A minute's grace: the form shows minutes, so "now" typed by hand may be a few seconds ahead.
        if (utc > nowUtc.AddMinutes(1))
        {
            state.AddModelError("Input.OccurredAt", l["NewTicket.InFuture"]);
            return null;
        }
        return utc;
    }

    // Exact names only: Enum.TryParse would also take numbers and comma-joined names, which no form option sends.
    private static T? Parse<T>(string? value) where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value) : null;
}
