using System.Globalization;
using System.Text;

namespace Supportal.Bench;

/// <summary>
/// Help-center articles in English and Polish built from small lists, like <see cref="Texts"/>: Markdown with headings,
/// lists, now and then a table or a code block and a link to another article, so pages render and search has real,
/// unevenly common words to find (Polish ones with their marks, which readers type without).
/// </summary>
public static class ArticleTexts
{
    /// <summary>
    /// A word of many articles, in about three Polish translations in ten (two of the topics, in titles and section names,
    /// and a symptom), typed as people do, without "ł" and "ą".
    /// </summary>
    public const string SearchWord = "polaczenie";

    /// <summary>What someone has typed when the suggestions first appear: the start of "konfiguracja" / "configuration".</summary>
    public const string SuggestPrefix = "konf";

    public static readonly (string En, string Pl)[] Categories =
    [
        ("Getting started", "Pierwsze kroki"), ("Network security", "Bezpieczeństwo sieci"), ("Printing", "Drukowanie"),
        ("Storage and backup", "Pamięć masowa i kopie zapasowe"), ("Accounts and access", "Konta i dostęp"),
        ("E-invoicing", "E-fakturowanie"), ("Hardware", "Sprzęt"), ("Portal and requests", "Portal i zgłoszenia"),
    ];

    private static readonly (string En, string Pl)[] Topics =
    [
        ("firewall", "zapora sieciowa"), ("VPN connection", "połączenie VPN"), ("printer", "drukarka"),
        ("backup job", "zadanie kopii zapasowej"), ("licence server", "serwer licencji"), ("network switch", "przełącznik sieciowy"),
        ("wireless access point", "punkt dostępowy Wi-Fi"), ("storage array", "macierz dyskowa"), ("mail relay", "przekaźnik poczty"),
        ("badge reader", "czytnik kart"), ("certificate", "certyfikat"), ("user account", "konto użytkownika"),
        ("e-invoice", "e-faktura"), ("remote-support tool", "narzędzie zdalnej pomocy"), ("power supply", "zasilacz"),
        ("internet connection", "połączenie internetowe"),
    ];

    private static readonly (string En, string Pl)[] Symptoms =
    [
        ("drops connections", "zrywa połączenia"), ("restarts every night", "uruchamia się ponownie co noc"),
        ("is very slow", "działa bardzo wolno"), ("rejects valid certificates", "odrzuca poprawne certyfikaty"),
        ("loses its settings", "traci ustawienia"), ("shows error 0x80070005", "pokazuje błąd 0x80070005"),
    ];

    private static readonly (string En, string Pl)[] Labels =
    [
        ("firmware", "firmware"), ("network", "sieć"), ("security", "bezpieczeństwo"), ("configuration", "konfiguracja"),
        ("printing", "drukowanie"), ("backup", "kopia zapasowa"), ("licence", "licencja"), ("e-invoicing", "e-fakturowanie"),
        ("account", "konto"), ("hardware", "sprzęt"), ("troubleshooting", "rozwiązywanie problemów"),
    ];

    private static readonly (string En, string Pl)[] Intros =
    [
        ("This article explains what to check first and how to fix the most common causes.",
            "W tym artykule wyjaśniamy, co sprawdzić najpierw i jak usunąć najczęstsze przyczyny."),
        ("Most customers finish these steps in about fifteen minutes, without a visit from an engineer.",
            "Większość klientów wykonuje te kroki w około piętnaście minut, bez wizyty inżyniera."),
        ("Plan the change for a maintenance window: the device may restart once or twice.",
            "Zaplanuj zmianę w oknie serwisowym: urządzenie może się uruchomić ponownie raz lub dwa razy."),
        ("Read the whole guide before you start; some steps cannot be undone.",
            "Przeczytaj całą instrukcję, zanim zaczniesz – niektórych kroków nie da się cofnąć."),
    ];

    private static readonly (string En, string Pl)[] Checks =
    [
        ("an administrator account for the device's web console", "konto administratora konsoli WWW urządzenia"),
        ("the serial number from the label on the back", "numer seryjny z etykiety na tylnej ściance"),
        ("a saved copy of the current configuration", "zapisaną kopię bieżącej konfiguracji"),
        ("network access to the device", "dostęp do urządzenia przez sieć"),
        ("the latest firmware from the Downloads page", "najnowszy firmware z działu Pobierz"),
        ("about thirty minutes without users depending on it", "około trzydziestu minut, gdy nikt z niego nie korzysta"),
    ];

    private static readonly (string En, string Pl)[] Steps =
    [
        ("Sign in to the web console and open **System → Status**.", "Zaloguj się do konsoli WWW i otwórz **System → Stan**."),
        ("Check the network link: its light must be steady green.", "Sprawdź łącze sieciowe: jego dioda musi świecić na zielono."),
        ("Write down the firmware version shown at the top of the page.", "Zapisz wersję firmware widoczną u góry strony."),
        ("Open **Settings → Network** and compare the addresses with your plan.", "Otwórz **Ustawienia → Sieć** i porównaj adresy z planem sieci."),
        ("Save the configuration to a file before you change anything.", "Zapisz konfigurację do pliku, zanim cokolwiek zmienisz."),
        ("Restart the device and wait until the status light stops blinking.", "Uruchom urządzenie ponownie i poczekaj, aż dioda stanu przestanie migać."),
        ("Test access from a computer in the same office.", "Sprawdź dostęp z komputera w tym samym biurze."),
        ("Export the log from the last hour and keep it for the request.", "Wyeksportuj log z ostatniej godziny i zachowaj go do zgłoszenia."),
        ("Turn on alerts by e-mail so that the next failure is reported at once.", "Włącz powiadomienia e-mailem, aby kolejna awaria została od razu zgłoszona."),
        ("Check that the certificate has not expired and the clock is correct.", "Sprawdź, czy certyfikat nie wygasł i czy zegar jest ustawiony poprawnie."),
    ];

    private static readonly (string En, string Pl)[] Endings =
    [
        ("Still not working? Submit a request and attach the log.", "Nadal nie działa? Prześlij zgłoszenie i dołącz log."),
        ("If the problem comes back after a restart, tell us the exact time it happened.", "Jeśli problem wraca po ponownym uruchomieniu, podaj nam dokładny czas jego wystąpienia."),
        ("After the change, watch the device for a day before closing the request.", "Po zmianie obserwuj urządzenie przez dobę, zanim zamkniesz zgłoszenie."),
    ];

    /// <summary>A section's name: a topic and what the section is about, numbered so that names differ.</summary>
    public static (string En, string Pl) Section(int number)
    {
        var (en, pl) = Topics[number % Topics.Length];
        var (kindEn, kindPl) = (number / Topics.Length % 3) switch
        {
            0 => ("guides", "instrukcje"),
            1 => ("troubleshooting", "rozwiązywanie problemów"),
            _ => ("release notes", "informacje o wydaniach"),
        };
        return ($"{Capital(en)} {kindEn} {number}", $"{Capital(pl)} – {kindPl} {number}");
    }

    public sealed record Translation(string Title, string Body, string Labels);

    /// <summary>One article in both languages; <paramref name="related"/> is another article's id to link to.</summary>
    public static (Translation En, Translation Pl) Article(Random random, int related)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var model = $"BN-{random.Next(1, 10)}00";
        var version = $"7.{random.Next(0, 5)}.{random.Next(0, 10)}";
        var symptom = Symptoms[random.Next(Symptoms.Length)];
        var (titleEn, titlePl) = random.Next(5) switch
        {
            0 => ($"{Capital(topic.En)}: step-by-step configuration ({model})", $"{Capital(topic.Pl)} – konfiguracja krok po kroku ({model})"),
            1 => ($"{Capital(topic.En)}: frequently asked questions", $"{Capital(topic.Pl)} – najczęstsze pytania"),
            2 => ($"{Capital(topic.En)} {symptom.En} after the update to {version}", $"{Capital(topic.Pl)} {symptom.Pl} po aktualizacji do {version}"),
            3 => ($"{Capital(topic.En)}: monitoring and alerts on {model}", $"{Capital(topic.Pl)} – monitorowanie i powiadomienia ({model})"),
            _ => ($"{Capital(topic.En)}: replacement and warranty", $"{Capital(topic.Pl)} – wymiana i gwarancja"),
        };
        var labels = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Labels[random.Next(Labels.Length)]).Distinct().ToList();
        var intro = Intros[random.Next(Intros.Length)];
        var checks = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Checks[random.Next(Checks.Length)]).Distinct().ToList();
        var steps = Enumerable.Range(0, random.Next(3, 7)).Select(_ => Steps[random.Next(Steps.Length)]).ToList();
        var ending = Endings[random.Next(Endings.Length)];
        var extra = random.Next(4);
        string Body(bool polish)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{(polish ? intro.Pl : intro.En)}\n\n## {(polish ? "Zanim zaczniesz" : "Before you start")}\n\n");
            foreach (var check in checks)
                text.Append(CultureInfo.InvariantCulture, $"- {(polish ? check.Pl : check.En)}\n");
            text.Append(CultureInfo.InvariantCulture, $"\n## {(polish ? "Kroki" : "Steps")}\n\n");
            for (var i = 0; i < steps.Count; i++)
                text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {(polish ? steps[i].Pl : steps[i].En)}\n");
            if (extra == 0)
                text.Append(CultureInfo.InvariantCulture, $"\n```\nsystem status\nsystem firmware verify usb:/{model}-{version}.img\n```\n");
            else if (extra == 1)
                text.Append(polish
                    ? $"\n| Wersja | Zmiana |\n|---|---|\n| {version} | {symptom.Pl} – poprawione |\n| 7.0.0 | pierwsze wydanie |\n"
                    : $"\n| Version | Change |\n|---|---|\n| {version} | {symptom.En} – fixed |\n| 7.0.0 | first release |\n");
            text.Append(CultureInfo.InvariantCulture, $"\n{(polish ? ending.Pl : ending.En)} ");
            text.Append(CultureInfo.InvariantCulture, $"{(polish ? "Zobacz też" : "See also")}: [{(polish ? "artykuł" : "article")} {related}](/KnowledgeBase/Article/{related}).\n");
            return text.ToString();
        }
        return (new(titleEn, Body(false), string.Join(", ", labels.Select(l => l.En))), new(titlePl, Body(true), string.Join(", ", labels.Select(l => l.Pl))));
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
