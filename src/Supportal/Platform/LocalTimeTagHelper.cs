using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Supportal.Platform;

/// <summary>
/// &lt;local-time value="@utc" /&gt; renders a &lt;time&gt; element in the signed-in user's time zone and
/// language, with the exact UTC instant in its datetime attribute.
/// </summary>
[HtmlTargetElement("local-time", Attributes = "value", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTime Value { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var local = LocalTime.ToLocal(Value, ViewContext.HttpContext.User);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", DateTime.SpecifyKind(Value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        output.Content.SetContent(local.ToString("g", CultureInfo.CurrentCulture));
    }
}
