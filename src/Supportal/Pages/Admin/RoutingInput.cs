using System.ComponentModel.DataAnnotations;

namespace Supportal.Pages.Admin;

/// <summary>
/// A routing rule as the form has it: a request language (rules match it exactly, see Workspace.Routing), a
/// service level or none for any, and the group the request starts in.
/// </summary>
public sealed class RoutingInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Routing.Language")]
    public string? Language { get; set; }

    [Display(Name = "Routing.ServiceLevel")]
    public int? ServiceLevelId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Routing.Group")]
    public int? GroupId { get; set; }
}
