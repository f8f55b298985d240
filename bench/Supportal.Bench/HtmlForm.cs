using System.Net;
using System.Text.RegularExpressions;

namespace Supportal.Bench;

/// <summary>
/// A form read from a page the way a browser would submit it: hidden and text inputs, checked boxes, the chosen
/// option of each select, textareas. Good enough for the app's own server-rendered markup, not for any HTML.
/// </summary>
public sealed partial class HtmlForm
{
    public string? Action { get; private init; }

    /// <summary>Field values in page order; a name may repeat (check boxes).</summary>
    public List<KeyValuePair<string, string>> Values { get; } = [];

    /// <summary>Each select's option values, so a required choice can be filled.</summary>
    public Dictionary<string, List<string>> Options { get; } = [];

    /// <summary>Each input's type by name (text, number, date…).</summary>
    public Dictionary<string, string> Types { get; } = [];

    /// <summary>The first form that contains <paramref name="marker"/> (an attribute of its tag, a field's name…).</summary>
    public static HtmlForm? Find(string html, string marker)
    {
        // From the marker outwards rather than every form in turn: an agent's ticket page is some 50 kB, and the load
        // generator reading all of it for every reply took CPU from the portal it shares the cores with.
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var start = html.LastIndexOf("<form", at, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
                continue;
            var form = FormPattern().Match(html, start);
            if (!form.Success || form.Index != start || form.Index + form.Length <= at)
                continue;
            var open = Attributes(form.Groups["open"].Value);
            var parsed = new HtmlForm { Action = open.GetValueOrDefault("action") };
            parsed.Read(form.Groups["body"].Value);
            return parsed;
        }
        return null;
    }

    public string? this[string name] => Values.FirstOrDefault(v => v.Key == name).Value;

    public void Set(string name, string value)
    {
        Values.RemoveAll(v => v.Key == name);
        Values.Add(new(name, value));
    }

    public MultipartFormDataContent Multipart()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values)
            content.Add(new StringContent(value), name);
        return content;
    }

    public FormUrlEncodedContent UrlEncoded() => new(Values);

    private void Read(string body)
    {
        foreach (Match field in FieldPattern().Matches(body))
        {
            var attributes = Attributes(field.Groups["attrs"].Value);
            if (attributes.GetValueOrDefault("name") is not { Length: > 0 } name)
                continue;
            switch (field.Groups["tag"].Value.ToLowerInvariant())
            {
                case "input":
                    var type = attributes.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
                    if (type is "submit" or "button" or "file" or "image" or "reset")
                        continue;
                    if (type is "checkbox" or "radio" && !attributes.ContainsKey("checked"))
                        continue;
                    Types[name] = type;
                    Values.Add(new(name, attributes.GetValueOrDefault("value") ?? (type == "checkbox" ? "on" : "")));
                    break;
                case "textarea":
                    Values.Add(new(name, WebUtility.HtmlDecode(field.Groups["inner"].Value.TrimStart('\r', '\n'))));
                    break;
                case "select":
                    var options = OptionPattern().Matches(field.Groups["inner"].Value)
                        .Select(o => Attributes(o.Groups["attrs"].Value)).ToList();
                    Options[name] = options.Select(o => o.GetValueOrDefault("value") ?? "").ToList();
                    var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                    if (chosen is not null && !attributes.ContainsKey("multiple"))
                        Values.Add(new(name, chosen.GetValueOrDefault("value") ?? ""));
                    break;
            }
        }
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in AttributePattern().Matches(text))
        {
            var value = a.Groups["dq"].Success ? a.Groups["dq"].Value : a.Groups["sq"].Success ? a.Groups["sq"].Value : a.Groups["bare"].Value;
            attributes.TryAdd(a.Groups["name"].Value, WebUtility.HtmlDecode(value));
        }
        return attributes;
    }

    [GeneratedRegex(@"<form\b(?<open>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    // Each closing tag spelled out rather than matched back to the opening one: a back-reference after a lazy body
    // is tried at every character, and took the load generator a quarter of a millisecond on a ticket page's form.
    [GeneratedRegex(@"<(?<tag>input)\b(?<attrs>[^>]*)>|<(?<tag>textarea)\b(?<attrs>[^>]*)>(?<inner>.*?)</textarea>|<(?<tag>select)\b(?<attrs>[^>]*)>(?<inner>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"<option\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"(?<name>[\w:.\-\[\]]+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+)))?")]
    private static partial Regex AttributePattern();
}
