using System.ComponentModel.DataAnnotations;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>What the macro form posts. Choices arrive as text and are checked by the page, like other forms.</summary>
public sealed class MacroInput
{
    /// <summary>The macro being edited; null for a new one.</summary>
    public int? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Macros.Name")]
    public string Name { get; set; } = "";

    [StringLength(TicketComment.BodyLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Macros.Body")]
    public string? Body { get; set; }

    [Display(Name = "Macros.SetStatus")]
    public string? SetStatus { get; set; }

    [Display(Name = "Macros.SetPriority")]
    public string? SetPriority { get; set; }

    [Display(Name = "Macros.SetGroup")]
    public int? SetGroupId { get; set; }

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Macros.AddTags")]
    public string? AddTags { get; set; }

    [Display(Name = "Macros.Shared")]
    public bool Shared { get; set; }

    public static MacroInput From(Macro macro) => new()
    {
        Id = macro.Id, Name = macro.Name, Body = macro.Body, SetStatus = macro.SetStatus?.ToString(), SetPriority = macro.SetPriority?.ToString(),
        SetGroupId = macro.SetGroupId, AddTags = macro.AddTags, Shared = macro.OwnerId is null,
    };

    public TicketStatus? Status => Enum.TryParse<TicketStatus>(SetStatus, out var s) && Enum.IsDefined(s) ? s : null;
    public TicketPriority? Priority => Enum.TryParse<TicketPriority>(SetPriority, out var p) && Enum.IsDefined(p) ? p : null;

    public void ApplyTo(Macro macro, Guid? ownerId)
    {
        macro.Name = Name.Trim();
        macro.Body = Body?.Trim() ?? "";
        macro.SetStatus = Status;
        macro.SetPriority = Priority;
        macro.SetGroupId = SetGroupId;
        macro.AddTags = string.Join(' ', MacroText.Tags(AddTags) ?? []);
        macro.OwnerId = ownerId;
    }
}
