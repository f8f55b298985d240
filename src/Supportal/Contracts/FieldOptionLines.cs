using System.Text.RegularExpressions;

namespace Supportal.Contracts;

/// <summary>
/// A choice field's options as admins type them, one a line: <c>value|English label|Polish label</c>. The
/// value is the stable key tickets store, so it is kept to lower-case letters, digits and hyphens.
/// </summary>
public static partial class FieldOptionLines
{
    public const int MinimumOptions = 2;

    public sealed record Line(string Value, string LabelEn, string LabelPl);

    /// <summary>A problem with the text: a resource key and the value it names.</summary>
    public sealed record Problem(string Key, string Argument);

    public static string Format(IEnumerable<FieldOption> options) =>
        string.Join("\n", options.OrderBy(o => o.Order).Select(o => $"{o.Value}|{o.LabelEn}|{o.LabelPl}"));

    /// <summary>The options in the order typed, or the first problem found; blank lines are skipped.</summary>
    public static (IReadOnlyList<Line> Lines, Problem? Problem) Parse(string? text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            if (raw.Trim().Length == 0)
                continue;
            var parts = raw.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length != 3 || parts.Any(p => p.Length == 0) || parts[1].Length > 200 || parts[2].Length > 200)
                return (lines, new Problem("Fields.Options.Format", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (parts[0].Length > 100 || !ValuePattern().IsMatch(parts[0]))
                return (lines, new Problem("Fields.Options.BadValue", parts[0]));
            if (lines.Any(l => l.Value == parts[0]))
                return (lines, new Problem("Fields.Options.Duplicate", parts[0]));
            lines.Add(new Line(parts[0], parts[1], parts[2]));
        }
        return lines.Count < MinimumOptions ? (lines, new Problem("Fields.Options.TooFew", MinimumOptions.ToString(System.Globalization.CultureInfo.InvariantCulture))) : (lines, null);
    }

    /// <summary>
    /// Applies the lines to a field's options: labels and order may change and options may be added, but every
    /// saved value must still be there, because tickets already store it. Returns the first missing value.
    /// </summary>
    public static string? Apply(AdditionalField field, IReadOnlyList<Line> lines)
    {
        if (field.Options.FirstOrDefault(o => lines.All(l => l.Value != o.Value)) is { } missing)
            return missing.Value;
        for (var i = 0; i < lines.Count; i++)
        {
            var option = field.Options.FirstOrDefault(o => o.Value == lines[i].Value);
            if (option is null)
                field.Options.Add(option = new FieldOption { Value = lines[i].Value, LabelEn = "", LabelPl = "" });
            option.LabelEn = lines[i].LabelEn;
            option.LabelPl = lines[i].LabelPl;
            option.Order = i;
        }
        return null;
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex ValuePattern();
}
