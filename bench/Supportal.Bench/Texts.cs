using System.Globalization;
using Supportal.Email;

namespace Supportal.Bench;

/// <summary>Believable ticket text in both languages, built from small word lists so search has real words to find.</summary>
public static class Texts
{
    public static readonly string[] Tags = ["vpn", "billing", "firmware", "license", "hardware", "network", "printer", "backup", "urgent-fix", "onboarding"];

    private static readonly string[] ThingsEn = ["firewall", "VPN tunnel", "printer", "backup job", "licence server", "switch", "router", "mail relay", "storage array", "badge reader"];
    private static readonly string[] ThingsPl = ["zapora", "tunel VPN", "drukarka", "zadanie kopii", "serwer licencji", "przełącznik", "router", "przekaźnik poczty", "macierz dyskowa", "czytnik kart"];
    private static readonly string[] SymptomsEn = ["drops connections", "reboots every night", "is very slow", "shows error 0x80070005", "stopped working after the update", "rejects valid certificates"];
    private static readonly string[] SymptomsPl = ["zrywa połączenia", "restartuje się co noc", "działa bardzo wolno", "pokazuje błąd 0x80070005", "przestał działać po aktualizacji", "odrzuca poprawne certyfikaty"];
    private static readonly string[] RepliesEn =
    [
        "Could you send us the log from the last hour?", "We have reproduced it in our lab and are working on a fix.",
        "Please install firmware 7.2.4 and tell us whether it helps.", "Thank you, the workaround works for now.",
        "It happened again this morning at the Krakow office.", "We replaced the power supply; please confirm it is stable.",
    ];
    private static readonly string[] RepliesPl =
    [
        "Prosimy o przesłanie logu z ostatniej godziny.", "Odtworzyliśmy problem w laboratorium i pracujemy nad poprawką.",
        "Prosimy zainstalować firmware 7.2.4 i dać znać, czy pomogło.", "Dziękuję, obejście na razie działa.",
        "Dziś rano znów się to zdarzyło w biurze w Krakowie.", "Wymieniliśmy zasilacz; prosimy potwierdzić, że działa stabilnie.",
    ];

    public static (string Subject, string Body) Problem(Random random, string language)
    {
        var polish = language == "pl";
        var thing = (polish ? ThingsPl : ThingsEn)[random.Next(ThingsEn.Length)];
        var symptom = (polish ? SymptomsPl : SymptomsEn)[random.Next(SymptomsEn.Length)];
        var subject = $"{char.ToUpperInvariant(thing[0])}{thing[1..]} {symptom}";
        var body = polish
            ? $"Dzień dobry, od wczoraj {thing} {symptom}. Dotyczy to około {random.Next(2, 200)} użytkowników. {RepliesPl[random.Next(RepliesPl.Length)]}"
            : $"Hello, since yesterday our {thing} {symptom}. About {random.Next(2, 200)} users are affected. {RepliesEn[random.Next(RepliesEn.Length)]}";
        return (subject, body);
    }

    public static string Reply(Random random, string language, bool byAgent)
    {
        var replies = language == "pl" ? RepliesPl : RepliesEn;
        var text = replies[random.Next(replies.Length)];
        return byAgent ? $"{text}\n\n{replies[random.Next(replies.Length)]}" : text;
    }

    /// <summary>
    /// A notice sent to every customer at once (maintenance, a firmware release, new hours): the mail a help desk
    /// queues by the ten thousand, with a greeting, a few paragraphs and a link to the portal.
    /// </summary>
    public static MailContent Announcement(Random random, string language, string firstName, DateOnly day)
    {
        var polish = language == "pl";
        var thing = (polish ? ThingsPl : ThingsEn)[random.Next(ThingsEn.Length)];
        var symptom = (polish ? SymptomsPl : SymptomsEn)[random.Next(SymptomsEn.Length)];
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var link = $"https://support.example.com/news/{date}";
        (string Subject, string[] Paragraphs) notice = (random.Next(3), polish) switch
        {
            (0, false) => ($"Planned maintenance of the customer portal on {date}",
                [
                    $"On {date} between 22:00 and 23:30 (Europe/Warsaw) the customer portal is unavailable while we upgrade its servers.",
                    "Requests you send by e-mail in that time are registered as soon as the portal is back; open requests keep their " +
                    "deadlines, and there is nothing you need to do.",
                ]),
            (0, true) => ($"Prace serwisowe portalu klienta {date}",
                [
                    $"{date} w godzinach 22:00–23:30 portal klienta będzie niedostępny z powodu modernizacji serwerów.",
                    "Zgłoszenia wysłane w tym czasie e-mailem zarejestrujemy zaraz po przywróceniu portalu; otwarte zgłoszenia " +
                    "zachowują swoje terminy i nie trzeba nic robić.",
                ]),
            (1, false) => ($"Firmware 7.2.4 for your {thing}",
                [
                    $"Some customers reported that their {thing} {symptom}. Firmware 7.2.4, released on {date}, fixes this.",
                    "We recommend installing it at your next maintenance window; the release notes and the download are in the portal.",
                ]),
            (1, true) => ($"Nowy firmware 7.2.4 – {thing}",
                [
                    $"Część klientów zgłosiła, że {thing} {symptom}. Firmware 7.2.4 z {date} usuwa ten problem.",
                    "Zalecamy instalację w najbliższym oknie serwisowym; informacje o wydaniu i plik do pobrania są w portalu.",
                ]),
            (_, false) => ($"Longer support hours from {date}",
                [
                    $"From {date} the Polish team answers on weekdays from 07:00 to 18:00, and the English team stays available 24/7.",
                    "Urgent requests about a stopped production system are still answered around the clock by phone.",
                ]),
            (_, true) => ($"Dłuższe godziny wsparcia od {date}",
                [
                    $"Od {date} zespół polski odpowiada w dni robocze od 7:00 do 18:00, a zespół angielski nadal całą dobę.",
                    "Pilne zgłoszenia dotyczące zatrzymanej produkcji przyjmujemy jak dotąd całodobowo pod numerem telefonu.",
                ]),
        };
        var greeting = polish ? $"Dzień dobry {firstName}," : $"Hello {firstName},";
        return new MailContent(notice.Subject, [greeting, .. notice.Paragraphs], polish ? "Przejdź do portalu" : "Open the portal", link);
    }
}

/// <summary>Names and company names picked by number, so the same data comes out every time.</summary>
public static class Names
{
    private static readonly string[] Firsts = ["Anna", "Piotr", "Maria", "Tomasz", "Ewa", "John", "Emma", "Oliver", "Zofia", "Łukasz", "Agnieszka", "James"];
    private static readonly string[] Lasts = ["Nowak", "Kowalski", "Wiśniewska", "Smith", "Jones", "Zieliński", "Brown", "Wójcik", "Taylor", "Kamińska"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Mazowsze Logistics", "Baltic Foods", "Tatra Energy", "Vistula Bank", "Orbit Retail"];

    public static string First(int i) => Firsts[i % Firsts.Length];

    public static string Last(int i) => Lasts[i % Lasts.Length];

    public static string Company(int i) => Companies[i % Companies.Length];
}
