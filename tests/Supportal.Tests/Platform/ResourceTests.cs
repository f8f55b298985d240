using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Supportal.Tests.Platform;

/// <summary>Every visible string exists in English and Polish, and every key the code asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Source = FindSource();

    private static Dictionary<string, string> Strings(string culture) =>
        XDocument.Load(Path.Combine(Source, "Resources", $"SharedResource{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void English_and_Polish_have_the_same_keys()
    {
        var english = Strings("").Keys.Order().ToList();
        var polish = Strings(".pl").Keys.Order().ToList();

        english.Except(polish).ShouldBeEmpty("missing in Polish");
        polish.Except(english).ShouldBeEmpty("missing in English");
    }

    [Fact]
    public void Polish_texts_are_translated()
    {
        // Words that are the same in both languages.
        string[] same = ["Nav.Agent", "Login.Login", "Register.Email", "Mail.Ticket.Subject", "AgentTicket.Field.Sla"];
        var english = Strings("");
        var polish = Strings(".pl");

        english.Where(e => !same.Contains(e.Key) && polish.GetValueOrDefault(e.Key) == e.Value).Select(e => e.Key).ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_used_in_code_and_pages_exists()
    {
        var keys = Strings("").Keys.ToHashSet();
        var used = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

        used.Count.ShouldBeGreaterThan(50);
        used.Except(keys).ShouldBeEmpty();
    }

    [Fact]
    public void Every_import_problem_has_a_text()
    {
        // The import page and command build these keys from the kind, so the check above cannot see them.
        var keys = Strings("").Keys.ToHashSet();

        Enum.GetNames<Supportal.Accounts.ImportProblemKind>().Select(k => $"Import.Problem.{k}").Where(k => !keys.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_field_type_has_a_name()
    {
        // The fields page builds these keys from the type, so the check above cannot see them.
        var keys = Strings("").Keys.ToHashSet();

        Enum.GetNames<Supportal.Contracts.FieldType>().Select(t => $"Fields.Type.{t}").Where(k => !keys.Contains(k)).ShouldBeEmpty();
    }

    // L["Key"], localizer["Key"], ErrorMessage = "Key", Name = "Key" and navigation entries new("Key", …).
    [GeneratedRegex("""(?:\b[Ll](?:ocalizer)?\[|ErrorMessage = |Display\(Name = |new\()"([A-Z][A-Za-z]+\.[A-Za-z.]+)"\s*[\],)]""")]
    private static partial Regex KeyPattern();

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Supportal");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/Supportal not found above the test output folder.");
    }
}
