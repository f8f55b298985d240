using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Data;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>What the macro form posts. Choices arrive as text and are checked here, like other forms.</summary>
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

    /// <summary>The checks beyond the attributes: choices known, something to do, a name free among the owner's macros.</summary>
    public async Task CheckAsync(AppDbContext db, ModelStateDictionary modelState, IStringLocalizer localizer, Guid me, bool isAdmin)
    {
        if (Shared && !isAdmin)
            modelState.AddModelError("Input.Shared", localizer["Macros.SharedByAdmins"]);
        if (SetStatus is { Length: > 0 } && Status is null)
            modelState.AddModelError("Input.SetStatus", localizer["Validation.Required", localizer["Macros.SetStatus"]]);
        if (SetPriority is { Length: > 0 } && Priority is null)
            modelState.AddModelError("Input.SetPriority", localizer["Validation.Required", localizer["Macros.SetPriority"]]);
        if (SetGroupId is { } group && !await db.Groups.AnyAsync(g => g.Id == group))
            modelState.AddModelError("Input.SetGroupId", localizer["Validation.Required", localizer["Macros.SetGroup"]]);
        if (MacroText.Tags(AddTags) is null)
            modelState.AddModelError("Input.AddTags", localizer["Macros.TagsInvalid", TicketTag.Length]);
        else if (string.IsNullOrWhiteSpace(Body) && Status is null && Priority is null && SetGroupId is null
                 && MacroText.Tags(AddTags)!.Count == 0)
            modelState.AddModelError("Input.Body", localizer["Macros.Nothing"]);
        Guid? owner = Shared ? null : me;
        var name = Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Macros.AnyAsync(m => m.Name == name && m.OwnerId == owner && m.Id != (Id ?? 0)))
            modelState.AddModelError("Input.Name", localizer[owner is null ? "Macros.SharedNameTaken" : "Macros.NameTaken", name]);
    }
}
