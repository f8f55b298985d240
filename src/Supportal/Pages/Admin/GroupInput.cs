using System.ComponentModel.DataAnnotations;

namespace Supportal.Pages.Admin;

/// <summary>A group's name and the business calendar its SLA targets count in.</summary>
public sealed class GroupInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Groups.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Groups.Calendar")]
    public int? CalendarId { get; set; }
}
