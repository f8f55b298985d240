using System.ComponentModel.DataAnnotations;
using Supportal.Tickets;

namespace Supportal.Pages.Requests;

/// <summary>The anonymous "Submit a request" form (TIC-7).</summary>
public sealed class SubmitInput
{
    // An account made from it keeps first and last name in columns of 100.
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Submit.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Submit.Email")]
    public string Email { get; set; } = "";

    [Display(Name = "Submit.Service")]
    public int? ServiceId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(Ticket.SubjectLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Submit.Subject")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(TicketComment.BodyLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Submit.Description")]
    public string Description { get; set; } = "";

    /// <summary>The honeypot: hidden from people, filled in by scripts that fill in every field.</summary>
    [Display(Name = "Submit.Website")]
    public string? Website { get; set; }
}
