using System.Globalization;

namespace Supportal.Platform;

/// <summary>The UI languages. Adding one means adding its resource file and a line here.</summary>
public static class Languages
{
    public static readonly IReadOnlyList<(string Code, string Name)> Supported = [("en", "English"), ("pl", "Polski")];

    public static readonly string[] Codes = Supported.Select(l => l.Code).ToArray();

    /// <summary>The text for the current UI language, for content kept in both languages in the database.</summary>
    public static string Pick(string english, string polish) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl" && polish.Length > 0 ? polish : english;

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code);

    /// <summary>Switches the current thread's UI and formatting culture until disposed (e.g. for an e-mail).</summary>
    public static IDisposable Use(string language) => new CultureScope(IsSupported(language) ? language : "en");

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string language)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
