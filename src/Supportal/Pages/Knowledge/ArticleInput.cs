using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>What the article editor posts: both translations, where the article lives and who may read it.</summary>
public sealed class ArticleInput
{
    [Display(Name = "Knowledge.Section")]
    public int SectionId { get; set; }

    [StringLength(Article.TitleLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(Article.TitleLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.TitlePl")]
    public string? TitlePl { get; set; }

    [StringLength(Article.BodyLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.BodyEn")]
    public string? BodyEn { get; set; }

    [StringLength(Article.BodyLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.BodyPl")]
    public string? BodyPl { get; set; }

    [StringLength(Article.LabelsLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.LabelsEn")]
    public string? LabelsEn { get; set; }

    [StringLength(Article.LabelsLength, ErrorMessage = "Validation.TooLong"), Display(Name = "Knowledge.LabelsPl")]
    public string? LabelsPl { get; set; }

    public Readership Readers { get; set; }

    public int? ManufacturerId { get; set; }

    [Display(Name = "Knowledge.PromotedField")]
    public bool Promoted { get; set; }

    /// <summary>Mail the followers about this update (publishing always tells them).</summary>
    [Display(Name = "Knowledge.Notify")]
    public bool Notify { get; set; }

    /// <summary>The article version the editor started from; a save over a newer one is refused.</summary>
    public int Version { get; set; }

    public static ArticleInput From(Article a) => new()
    {
        SectionId = a.SectionId, TitleEn = a.TitleEn, TitlePl = a.TitlePl, BodyEn = a.BodyEn, BodyPl = a.BodyPl, LabelsEn = a.LabelsEn,
        LabelsPl = a.LabelsPl, Readers = a.Readers, ManufacturerId = a.ManufacturerId, Promoted = a.Promoted, Version = a.Version,
    };

    /// <summary>The rules data annotations cannot say: each translation whole or empty, at least one of them, a manufacturer when needed.</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer l)
    {
        var english = Translation(TitleEn, BodyEn, "En", state, l);
        var polish = Translation(TitlePl, BodyPl, "Pl", state, l);
        if (!english && !polish && state.IsValid)
            state.AddModelError("Input.TitleEn", l["Knowledge.OneTranslation"]);
        if (Readers == Readership.ContractHolders && ManufacturerId is null)
            state.AddModelError("Input.ManufacturerId", l["Knowledge.ManufacturerRequired"]);
    }

    private static bool Translation(string? title, string? body, string language, ModelStateDictionary state, IStringLocalizer l)
    {
        var (hasTitle, hasBody) = (!string.IsNullOrWhiteSpace(title), !string.IsNullOrWhiteSpace(body));
        if (hasTitle && !hasBody)
            state.AddModelError($"Input.Body{language}", l["Knowledge.BodyMissing"]);
        if (hasBody && !hasTitle)
            state.AddModelError($"Input.Title{language}", l["Knowledge.TitleMissing"]);
        return hasTitle && hasBody;
    }

    public void ApplyTo(Article article)
    {
        article.SectionId = SectionId;
        (article.TitleEn, article.TitlePl) = ((TitleEn ?? "").Trim(), (TitlePl ?? "").Trim());
        // A translation is whole or empty (Validate): a lone title or body is never saved.
        (article.BodyEn, article.BodyPl) = (article.TitleEn.Length > 0 ? BodyEn ?? "" : "", article.TitlePl.Length > 0 ? BodyPl ?? "" : "");
        (article.LabelsEn, article.LabelsPl) = (Labels(LabelsEn), Labels(LabelsPl));
        article.Readers = Readers;
        article.ManufacturerId = Readers == Readership.ContractHolders ? ManufacturerId : null;
        article.Promoted = Promoted;
    }

    private static string Labels(string? labels) => string.Join(",", Article.SplitLabels(labels ?? ""));
}
