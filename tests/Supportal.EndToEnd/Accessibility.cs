using System.Text.Json;
using Microsoft.Playwright;

namespace Supportal.EndToEnd;

/// <summary>Runs axe-core (restored with the app's npm packages) on the current page.</summary>
public static class Accessibility
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Find("src/Supportal/node_modules/axe-core/axe.min.js")));

    /// <summary>The serious and critical violations, as "rule: target" lines.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return json.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above the test output folder; build the app first.");
    }
}
