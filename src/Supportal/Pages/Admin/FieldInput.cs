using System.ComponentModel.DataAnnotations;
using Supportal.Contracts;

namespace Supportal.Pages.Admin;

/// <summary>The add/edit form of an additional field; the type is only read when the field is new.</summary>
public sealed class FieldInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Fields.LabelEn")]
    public string LabelEn { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Fields.LabelPl")]
    public string LabelPl { get; set; } = "";

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Fields.HelpEn")]
    public string? HelpEn { get; set; }

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Fields.HelpPl")]
    public string? HelpPl { get; set; }

    [Display(Name = "Fields.Type")]
    public FieldType? Type { get; set; }

    [Display(Name = "Fields.Required")]
    public bool Required { get; set; }

    [Range(0, 100000, ErrorMessage = "Fields.OrderRange")]
    [Display(Name = "Fields.Order")]
    public int? Order { get; set; }

    [Display(Name = "Fields.Options")]
    public string? Options { get; set; }

    public static FieldInput From(AdditionalField field) => new()
    {
        LabelEn = field.LabelEn, LabelPl = field.LabelPl, HelpEn = field.HelpEn, HelpPl = field.HelpPl,
        Type = field.Type, Required = field.Required, Order = field.Order, Options = FieldOptionLines.Format(field.Options),
    };

    public void ApplyTo(AdditionalField field)
    {
        field.LabelEn = LabelEn.Trim();
        field.LabelPl = LabelPl.Trim();
        field.HelpEn = string.IsNullOrWhiteSpace(HelpEn) ? null : HelpEn.Trim();
        field.HelpPl = string.IsNullOrWhiteSpace(HelpPl) ? null : HelpPl.Trim();
        field.Required = Required;
        if (Order is { } order)
            field.Order = order;
    }
}
