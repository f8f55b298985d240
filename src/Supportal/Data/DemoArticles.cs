using Supportal.KnowledgeBase;

namespace Supportal.Data;

/// <summary>
/// The demo help center's text: categories, sections and articles in English and Polish, kept apart from
/// <see cref="DemoData"/> because it is mostly prose. A link to another demo article is written
/// <c>(article:key)</c> and becomes <c>/KnowledgeBase/Article/{id}</c> once the articles have ids.
/// </summary>
internal static class DemoArticles
{
    public sealed record Page(
        string Key, string TitleEn, string TitlePl, string LabelsEn, string LabelsPl, string BodyEn, string BodyPl,
        bool Promoted = false, Readership Readers = Readership.Public);

    /// <summary>A section; <paramref name="ForFirewallOwners"/> keeps it to contract holders of the demo firewalls' maker.</summary>
    public sealed record Part(
        string NameEn, string NamePl, string DescriptionEn, string DescriptionPl, Page[] Pages,
        Readership Readers = Readership.Public, bool ForFirewallOwners = false);

    public sealed record Chapter(string NameEn, string NamePl, string DescriptionEn, string DescriptionPl, Part[] Parts);

    public static readonly Chapter[] Chapters =
    [
        new("Getting started", "Pierwsze kroki",
            "What the help center offers and how to start using the portal.",
            "Co oferuje Centrum Wsparcia i jak zacząć korzystać z portalu.",
        [
            new("Using the help center", "Korzystanie z Centrum Wsparcia",
                "Finding your way around the guides, the search and the downloads.",
                "Jak poruszać się po przewodnikach, wyszukiwarce i plikach do pobrania.",
            [
                new("guide", "A guide to the help center", "Przewodnik po Centrum Wsparcia",
                    "help center, navigation, contact", "centrum wsparcia, nawigacja, kontakt", GuideEn, GuidePl, Promoted: true),
                new("search", "Search tips: finding the right article", "Wskazówki: jak znaleźć właściwy artykuł",
                    "search, tips", "wyszukiwanie, wskazówki", SearchEn, SearchPl),
            ]),
            new("Your first steps", "Na początek",
                "Creating an account and putting your support contract on it.",
                "Zakładanie konta i dodawanie do niego kontraktu wsparcia.",
            [
                new("account", "Create an account in the help center", "Utwórz konto w Centrum Wsparcia",
                    "account, sign up", "konto, rejestracja", AccountEn, AccountPl),
                new("contract", "Register your support contract", "Zarejestruj swój kontrakt wsparcia",
                    "contract, activation key, certificate", "kontrakt, klucz kontraktu, certyfikat", ContractEn, ContractPl, Promoted: true),
            ]),
        ]),
        new("Your products", "Twoje produkty",
            "Requests, remote support and guides for the products under your contract.",
            "Zgłoszenia, zdalna pomoc i instrukcje do produktów objętych kontraktem.",
        [
            new("Requests", "Zgłoszenia",
                "Sending requests to our support team and following them to the end.",
                "Wysyłanie zgłoszeń do zespołu wsparcia i śledzenie ich aż do rozwiązania.",
            [
                new("submit", "Submit a request: administrative, support or service", "Prześlij zgłoszenie: administracyjne, techniczne lub dotyczące usługi",
                    "request, ticket, support", "zgłoszenie, wsparcie, pomoc techniczna", SubmitEn, SubmitPl, Promoted: true),
                new("follow", "Follow your requests and reply to them", "Śledź swoje zgłoszenia i odpowiadaj na nie",
                    "request, status, reply", "zgłoszenie, status, odpowiedź", FollowEn, FollowPl),
                new("good-request", "What to include in a support request", "Co napisać w zgłoszeniu technicznym",
                    "request, logs, serial number", "zgłoszenie, logi, numer seryjny", GoodRequestEn, GoodRequestPl),
            ]),
            new("Remote support", "Zdalna pomoc",
                "Letting a support engineer see your screen for a while.",
                "Tymczasowy dostęp inżyniera wsparcia do Twojego ekranu.",
            [
                new("remote", "Start a remote-support session", "Rozpocznij sesję zdalnej pomocy",
                    "remote support, download, screen sharing", "zdalna pomoc, pobierz, udostępnianie ekranu", RemoteEn, RemotePl, Promoted: true),
            ]),
            new("Sentinel firewalls", "Zapory Sentinel",
                "Firmware and configuration notes for owners of Sentinel firewalls.",
                "Firmware i konfiguracja – informacje dla właścicieli zapór Sentinel.",
            [
                new("firmware", "Upgrade the firmware of a Sentinel firewall", "Aktualizacja firmware zapory Sentinel",
                    "firmware, upgrade, Sentinel, firewall", "firmware, aktualizacja, Sentinel, zapora", FirmwareEn, FirmwarePl, Promoted: true),
                new("vpn-logs", "Collect VPN logs from a Sentinel firewall", "Pobieranie logów VPN z zapory Sentinel",
                    "VPN, logs, IPsec, Sentinel", "VPN, logi, IPsec, Sentinel", VpnLogsEn, VpnLogsPl),
            ], Readers: Readership.ContractHolders, ForFirewallOwners: true),
        ]),
        new("Account and portal", "Konto i portal",
            "Signing in safely and setting up the portal the way you like it.",
            "Bezpieczne logowanie i ustawienia portalu dopasowane do Ciebie.",
        [
            new("Signing in", "Logowanie",
                "Passwords, sign-in codes, authenticator apps and passkeys.",
                "Hasła, kody logowania, aplikacje uwierzytelniające i klucze dostępu.",
            [
                new("password", "Reset a forgotten password", "Jak zresetować zapomniane hasło",
                    "password, reset, sign in", "hasło, reset hasła, logowanie", PasswordEn, PasswordPl, Promoted: true),
                new("two-step", "Set up two-step sign-in", "Włącz logowanie dwuetapowe",
                    "two-step, authenticator, security", "logowanie dwuetapowe, aplikacja uwierzytelniająca, bezpieczeństwo", TwoStepEn, TwoStepPl),
                new("passkeys", "Sign in with a passkey", "Logowanie kluczem dostępu",
                    "passkey, sign in, security", "klucz dostępu, logowanie, bezpieczeństwo", PasskeysEn, PasskeysPl),
            ]),
            new("Your profile", "Twój profil",
                "Language, time zone and the browsers signed in to your account.",
                "Język, strefa czasowa i przeglądarki zalogowane na Twoje konto.",
            [
                new("profile", "Change your language and time zone", "Zmień język i strefę czasową",
                    "profile, language, time zone", "profil, język, strefa czasowa", ProfileEn, ProfilePl),
                new("sessions", "See where you are signed in and sign out elsewhere", "Sprawdź, gdzie jesteś zalogowany, i wyloguj inne urządzenia",
                    "sessions, security, sign out", "sesje, bezpieczeństwo, wylogowanie", SessionsEn, SessionsPl, Readers: Readership.SignedIn),
            ]),
        ]),
    ];

    private const string GuideEn = """
        This guide shows how the help center is organised, where to find tools and files, and how to reach our support team
        when the articles do not answer your question.

        ## How the help center is organised

        The help center is divided into **categories**, each with a few **sections** of articles:

        - **Getting started** – the help center itself, creating an account and registering your contract.
        - **Your products** – requests, remote support and guides for the products under your contract.
        - **Account and portal** – signing in, passwords, two-step sign-in and your profile.

        Some sections are shown only to signed-in customers, or only to customers whose contract covers a product. If you
        expect a guide for your device and cannot see it, [register your contract](article:contract) first.

        ## Search

        The search box on the home page searches every article you may read, in your language first. Polish letters are
        optional and the beginning of a word is enough: see [search tips](article:search).

        ## Downloads

        Under **Downloads** you will find the remote-support tool our engineers use to see your screen, other useful tools
        and our certificates. See [how a remote-support session works](article:remote).

        ## Contacting support

        Still have questions? [Submit a request](article:submit). The Polish team answers on working days from 8:00 to
        16:00; the English team is available 24/7.
        """;

    private const string GuidePl = """
        W tym artykule poznasz podstawy poruszania się po Centrum Wsparcia: dowiesz się, gdzie szukać narzędzi i plików oraz
        jak skontaktować się z naszym zespołem, gdy artykuły nie odpowiedzą na Twoje pytanie.

        ## Jak zbudowane jest Centrum Wsparcia

        Centrum Wsparcia dzieli się na **kategorie**, a każda z nich na kilka **sekcji** z artykułami:

        - **Pierwsze kroki** – samo Centrum Wsparcia, zakładanie konta i rejestracja kontraktu.
        - **Twoje produkty** – zgłoszenia, zdalna pomoc i instrukcje do produktów objętych kontraktem.
        - **Konto i portal** – logowanie, hasła, logowanie dwuetapowe i Twój profil.

        Niektóre sekcje widzą tylko zalogowani klienci albo tylko ci, których kontrakt obejmuje dany produkt. Jeśli nie
        widzisz instrukcji do swojego urządzenia, najpierw [zarejestruj kontrakt](article:contract).

        ## Wyszukiwarka

        Pole wyszukiwania na stronie głównej przeszukuje wszystkie artykuły, które możesz czytać – najpierw w Twoim języku.
        Polskie znaki nie są wymagane, a wystarczy początek słowa: zajrzyj do [wskazówek wyszukiwania](article:search).

        ## Pobierz

        W dziale **Pobierz** znajdziesz program do zdalnej pomocy, dzięki któremu nasi inżynierowie mogą tymczasowo zobaczyć
        Twój ekran, a także inne przydatne narzędzia i certyfikaty. Zobacz, [jak przebiega sesja zdalnej pomocy](article:remote).

        ## Kontakt ze wsparciem

        Masz więcej pytań? [Prześlij zgłoszenie](article:submit). Polski zespół odpowiada w dni robocze od 8:00 do 16:00,
        a pomoc w języku angielskim jest dostępna całą dobę.
        """;

    private const string SearchEn = """
        The search looks through titles, labels, section names and article text. A word in the title counts most, then
        labels, then the section, then the text.

        ## Tips

        1. **Type the key words only.** Every word you type must appear in an article, so "reset password" finds fewer,
           better articles than "how can I reset my password please".
        2. **Polish letters are optional.** "haslo" finds "hasło", "zrodlo" finds "źródło".
        3. **The beginning of a word is enough.** "firm" finds "firmware", "drukark" finds "drukarka" and "drukarki".
        4. **Singular or plural does not matter.** "firewalls" finds "firewall".
        5. **Suggestions appear as you type.** Pick one to go straight to the article.

        ## Examples

        | You type | You find articles with |
        |---|---|
        | `haslo` | hasło, hasła |
        | `vpn log` | both "VPN" and "logs" |
        | `firm` | firmware |
        | `passkeys` | passkey |

        Articles in your language come first; if an article exists only in the other language, it is shown after them.
        Nothing found? [Submit a request](article:submit) and we will help.
        """;

    private const string SearchPl = """
        Wyszukiwarka przegląda tytuły, etykiety, nazwy sekcji i treść artykułów. Najwięcej znaczy słowo w tytule, potem
        w etykietach, w nazwie sekcji, a na końcu w treści.

        ## Wskazówki

        1. **Wpisuj tylko najważniejsze słowa.** Każde wpisane słowo musi wystąpić w artykule, więc „reset hasła” da mniej,
           ale trafniejszych wyników niż „jak mogę zresetować moje hasło”.
        2. **Polskie znaki nie są wymagane.** „haslo” znajdzie „hasło”, a „zrodlo” – „źródło”.
        3. **Wystarczy początek słowa.** „firm” znajdzie „firmware”, a „drukark” – „drukarka” i „drukarki”.
        4. **Odmiana nie przeszkadza.** „drukarki” znajdzie też „drukarka”.
        5. **Podpowiedzi pojawiają się w trakcie pisania.** Wybierz jedną, aby od razu przejść do artykułu.

        ## Przykłady

        | Wpisujesz | Znajdziesz artykuły ze słowami |
        |---|---|
        | `haslo` | hasło, hasła |
        | `vpn log` | „VPN” i „logi” jednocześnie |
        | `firm` | firmware |
        | `zapory` | zapora, zapory |

        Najpierw pokazujemy artykuły w Twoim języku; artykuł dostępny tylko w drugim języku pojawi się za nimi.
        Nic nie znalazłeś? [Prześlij zgłoszenie](article:submit), a chętnie pomożemy.
        """;

    private const string AccountEn = """
        You can send a request without an account, but an account lets you follow requests and articles, see your
        colleagues' requests and open requests about the products under your contract.

        ## Creating the account

        1. Choose **Sign up** at the top of the page.
        2. Enter your name, company, e-mail address and preferred language, and choose a password.
        3. If you already have a support contract, enter its number and activation code in **Support contract**; you can
           also do it later.
        4. Open the link in the e-mail we send you to confirm the address.

        ## Signing in

        Sign in with your e-mail address and password. For your safety we then e-mail you a six-digit code; enter it to
        finish signing in. You can use an authenticator app instead: see [two-step sign-in](article:two-step).

        Next: [register your support contract](article:contract).
        """;

    private const string AccountPl = """
        Zgłoszenie możesz przesłać bez konta, ale konto pozwala śledzić zgłoszenia i artykuły, widzieć zgłoszenia
        współpracowników oraz tworzyć zgłoszenia dotyczące produktów objętych Twoim kontraktem.

        ## Zakładanie konta

        1. Wybierz **Zarejestruj** u góry strony.
        2. Podaj imię i nazwisko, firmę, adres e-mail i preferowany język, a następnie ustal hasło.
        3. Jeśli masz już kontrakt wsparcia, wpisz jego numer i kod aktywacyjny w części **Kontrakt wsparcia** – możesz to
           zrobić także później.
        4. Kliknij link z wiadomości, którą wyślemy, aby potwierdzić adres e-mail.

        ## Logowanie

        Zaloguj się adresem e-mail i hasłem. Dla bezpieczeństwa wyślemy Ci e-mailem sześciocyfrowy kod – wpisz go, aby
        dokończyć logowanie. Zamiast kodu z e-maila możesz używać aplikacji uwierzytelniającej: zobacz
        [logowanie dwuetapowe](article:two-step).

        Co dalej? [Zarejestruj swój kontrakt wsparcia](article:contract).
        """;

    private const string ContractEn = """
        A support contract lists the devices (assets) we look after for your company. Once it is on your account, you can
        open support requests about those devices and read the guides for their manufacturer.

        ## What you need

        Your **contract number** and **contract key**. Both are printed on the support certificate we sent when the
        contract was issued, for example:

        ```
        Contract number: DEMO-0001
        Contract key:    DEMO-0001-KEY
        ```

        ## Registering the contract

        1. Sign in (no account yet? [Create one](article:account)).
        2. Choose **Register contract** in the menu.
        3. Enter the contract number and the key exactly as printed, and confirm.

        The contract then appears under **Contracts**, with its service level, validity and covered assets. Everyone in
        your company who registers the same contract sees the same assets.

        ## If it does not work

        - Check the key for mixed-up characters such as `0` and `O`.
        - After several wrong keys, registration is locked for a while; the page says until when.
        - Lost the certificate? Send an [administrative request](article:submit) and we will issue a new key.
        """;

    private const string ContractPl = """
        Kontrakt wsparcia to lista urządzeń (zasobów), którymi opiekujemy się dla Twojej firmy. Gdy kontrakt jest na Twoim
        koncie, możesz tworzyć zgłoszenia techniczne dotyczące tych urządzeń i czytać instrukcje ich producenta.

        ## Czego potrzebujesz

        **Numeru kontraktu** i **klucza kontraktu**. Oba znajdziesz na certyfikacie wsparcia, który wysłaliśmy przy
        wystawieniu kontraktu, na przykład:

        ```
        Numer kontraktu: DEMO-0001
        Klucz kontraktu: DEMO-0001-KEY
        ```

        ## Rejestracja kontraktu

        1. Zaloguj się (nie masz konta? [Załóż je](article:account)).
        2. Wybierz w menu **Zarejestruj kontrakt**.
        3. Wpisz numer kontraktu i klucz dokładnie tak, jak na certyfikacie, i zatwierdź.

        Kontrakt pojawi się w sekcji **Kontrakty** wraz z poziomem usług, okresem obowiązywania i objętymi zasobami.
        Każda osoba z Twojej firmy, która zarejestruje ten sam kontrakt, zobaczy te same zasoby.

        ## Jeśli się nie udaje

        - Sprawdź, czy w kluczu nie pomyliły się podobne znaki, np. `0` i `O`.
        - Po kilku błędnych kluczach rejestracja jest na chwilę zablokowana – strona poda, do kiedy.
        - Zgubiłeś certyfikat? Prześlij [zgłoszenie administracyjne](article:submit), a wystawimy nowy klucz.
        """;

    private const string SubmitEn = """
        Choose the kind of request that fits your question: each goes to the team that can answer it and asks for what
        that team needs.

        | Kind | For | What we ask |
        |---|---|---|
        | **Administrative request** | contracts, invoices, access for a colleague | subject and description |
        | **Support request** | a device under your contract that does not work as it should | the asset, the manufacturer's questions (e.g. serial number, firmware version), priority |
        | **Service request** | a platform or service we run for you, e.g. e-invoicing | the service, the business impact, when it happened and during which process |

        ## Sending a request

        1. Sign in and choose **Create new ticket**.
        2. Choose the kind of request.
        3. For a support request, choose the asset from your active contracts; you can search by product, serial number or
           contract number.
        4. Write a short subject and describe the problem. Attach screenshots or logs if you have them; see
           [what to include in a support request](article:good-request).
        5. Choose **Create**. You will get an e-mail with the request number.

        No account? Use **Submit a request** on the help center home page: give your name and e-mail address, and we will
        reply by e-mail.

        Afterwards, [follow your request](article:follow) in **My activities**.
        """;

    private const string SubmitPl = """
        Wybierz rodzaj zgłoszenia pasujący do Twojej sprawy: każde trafia do zespołu, który może na nie odpowiedzieć,
        i prosi o informacje potrzebne temu zespołowi.

        | Rodzaj | Kiedy | O co pytamy |
        |---|---|---|
        | **Zgłoszenie administracyjne** | kontrakty, faktury, dostęp dla współpracownika | temat i opis |
        | **Zgłoszenie techniczne** | urządzenie objęte kontraktem nie działa tak, jak powinno | zasób, pytania producenta (np. numer seryjny, wersja firmware), priorytet |
        | **Zgłoszenie dotyczące usługi** | platforma lub usługa, którą dla Ciebie prowadzimy, np. e-fakturowanie | usługa, wpływ na działalność, kiedy i podczas jakiego procesu wystąpił problem |

        ## Jak przesłać zgłoszenie

        1. Zaloguj się i wybierz **Utwórz nowe zgłoszenie**.
        2. Wybierz rodzaj zgłoszenia.
        3. W zgłoszeniu technicznym wybierz zasób z aktywnych kontraktów – możesz szukać po produkcie, numerze seryjnym lub
           numerze kontraktu.
        4. Wpisz krótki temat i opisz problem. Dołącz zrzuty ekranu lub logi, jeśli je masz – zobacz,
           [co napisać w zgłoszeniu technicznym](article:good-request).
        5. Wybierz **Utwórz**. Otrzymasz e-mail z numerem zgłoszenia.

        Nie masz konta? Użyj przycisku **Prześlij zgłoszenie** na stronie głównej Centrum Wsparcia: podaj imię i nazwisko
        oraz adres e-mail, a odpowiemy e-mailem.

        Następnie [śledź swoje zgłoszenie](article:follow) w zakładce **Moje aktywności**.
        """;

    private const string FollowEn = """
        **My activities** lists your requests with their status and the time of the last change. Open a request to read
        the whole conversation, add information or attach files.

        ## What the statuses mean

        | Status | Meaning |
        |---|---|
        | Open | We are working on it. |
        | Awaiting your reply | We asked you something; the request waits for your answer. |
        | Solved | We think the problem is solved. Reply if it is not, and the request opens again. |
        | Closed | The request is finished. Replying starts a follow-up request that links to it. |

        ## Replying

        Reply in the portal or simply answer our e-mail: both end up in the same conversation. Replies are shown in your
        time zone, which you can [change in your profile](article:profile).

        ## Your colleagues' requests

        If your company shares requests, you also see requests your colleagues sent, and they see yours. Ask your contract
        administrator to add a colleague with an [administrative request](article:submit).
        """;

    private const string FollowPl = """
        Zakładka **Moje aktywności** pokazuje Twoje zgłoszenia wraz ze statusem i czasem ostatniej zmiany. Otwórz
        zgłoszenie, aby przeczytać całą rozmowę, dopisać informacje lub dołączyć pliki.

        ## Co oznaczają statusy

        | Status | Znaczenie |
        |---|---|
        | Otwarte | Pracujemy nad zgłoszeniem. |
        | Oczekuje na Twoją odpowiedź | Zadaliśmy pytanie; zgłoszenie czeka na Twoją odpowiedź. |
        | Rozwiązane | Uważamy, że problem został rozwiązany. Jeśli nie – odpowiedz, a zgłoszenie zostanie ponownie otwarte. |
        | Zamknięte | Zgłoszenie jest zakończone. Odpowiedź utworzy zgłoszenie uzupełniające, powiązane z poprzednim. |

        ## Odpowiadanie

        Odpowiadaj w portalu albo po prostu na nasz e-mail – obie drogi trafiają do tej samej rozmowy. Godziny pokazujemy
        w Twojej strefie czasowej, którą możesz [zmienić w profilu](article:profile).

        ## Zgłoszenia współpracowników

        Jeśli Twoja firma udostępnia zgłoszenia, widzisz także zgłoszenia współpracowników, a oni – Twoje. Aby dodać
        współpracownika, prześlij [zgłoszenie administracyjne](article:submit).
        """;

    private const string GoodRequestEn = """
        A complete first message saves a day of questions and answers. Before you send a
        [support request](article:submit), gather the following.

        ## Checklist

        - **The asset**: choose it in the form; the serial number is on the device's label and in its web console.
        - **The firmware version** the device runs now.
        - **What happens**, in one sentence, and **since when**. Did anything change just before (an update, a new cable,
          a new rule)?
        - **How many users** are affected, and whether work has stopped.
        - **Error messages**, copied as text rather than photographed.
        - **Logs** from the time of the problem: for firewalls, see [collecting VPN logs](article:vpn-logs).

        ## An example

        ```
        Subject: VPN tunnel to the Gdańsk office drops every few hours
        Device:  Sentinel 200F, serial SNT200F-0001, firmware 7.4.2
        Since:   last Tuesday, after the firmware update
        Impact:  about 40 users lose access to the warehouse system for ~1 minute
        Log:     vpn-events-2026-03-12.txt attached
        ```

        If we may connect to your computer to look at the problem together, say so and
        [prepare a remote-support session](article:remote).
        """;

    private const string GoodRequestPl = """
        Kompletna pierwsza wiadomość oszczędza dzień pytań i odpowiedzi. Zanim prześlesz
        [zgłoszenie techniczne](article:submit), przygotuj poniższe informacje.

        ## Lista kontrolna

        - **Zasób**: wybierz go w formularzu; numer seryjny jest na etykiecie urządzenia i w jego konsoli WWW.
        - **Wersję firmware**, na której działa teraz urządzenie.
        - **Co się dzieje** – w jednym zdaniu – i **od kiedy**. Czy coś zmieniło się tuż przedtem (aktualizacja, nowy
          kabel, nowa reguła)?
        - **Ilu użytkowników** dotyczy problem i czy praca stanęła.
        - **Komunikaty o błędach** – skopiowane jako tekst, a nie sfotografowane.
        - **Logi** z czasu wystąpienia problemu: w przypadku zapór zobacz [pobieranie logów VPN](article:vpn-logs).

        ## Przykład

        ```
        Temat:      Tunel VPN do biura w Gdańsku zrywa się co kilka godzin
        Urządzenie: Sentinel 200F, nr seryjny SNT200F-0001, firmware 7.4.2
        Od kiedy:   od zeszłego wtorku, po aktualizacji firmware
        Wpływ:      ok. 40 osób traci na ok. minutę dostęp do systemu magazynowego
        Log:        w załączniku vpn-events-2026-03-12.txt
        ```

        Jeśli możemy połączyć się z Twoim komputerem, aby wspólnie obejrzeć problem, napisz o tym i
        [przygotuj sesję zdalnej pomocy](article:remote).
        """;

    private const string RemoteEn = """
        In a remote-support session an engineer sees your screen and, if you allow it, uses your mouse and keyboard. You stay
        in control: the session lasts only while the tool is open, and you can end it at any moment.

        ## Before the session

        1. Have an open request: the engineer connects only for a request, never unannounced.
        2. Open **Downloads** and download the remote-support tool for your operating system. Check that the file's
           SHA-256 matches the one shown on the page.
        3. You do not need to install anything; the tool runs as it is.

        ## During the session

        1. Start the tool. It shows an **ID** and a **one-time password**.
        2. Give both to the engineer by phone or as a reply to your request; never to anyone who calls you unexpectedly.
        3. Confirm the connection when the tool asks. A bar at the top of the screen shows that the session is on.

        ## Ending the session

        Close the tool or choose **End session**. The ID and password stop working at once; a new session gets new ones.

        > Tip: close windows with confidential data before the session starts.

        See also: [what to include in a support request](article:good-request).
        """;

    private const string RemotePl = """
        Podczas sesji zdalnej pomocy inżynier widzi Twój ekran, a jeśli na to pozwolisz – korzysta z Twojej myszy
        i klawiatury. Cały czas masz kontrolę: sesja trwa tylko wtedy, gdy program jest uruchomiony, i możesz ją zakończyć
        w każdej chwili.

        ## Przed sesją

        1. Miej otwarte zgłoszenie: inżynier łączy się wyłącznie w sprawie zgłoszenia, nigdy bez zapowiedzi.
        2. Otwórz dział **Pobierz** i pobierz program do zdalnej pomocy dla swojego systemu operacyjnego. Sprawdź, czy
           skrót SHA-256 pliku zgadza się z podanym na stronie.
        3. Niczego nie trzeba instalować – program działa od razu po uruchomieniu.

        ## W trakcie sesji

        1. Uruchom program. Wyświetli **identyfikator** i **jednorazowe hasło**.
        2. Przekaż oba inżynierowi telefonicznie lub w odpowiedzi na zgłoszenie – nigdy osobie, która dzwoni do Ciebie
           niespodziewanie.
        3. Potwierdź połączenie, gdy program o to zapyta. Pasek u góry ekranu pokazuje, że sesja trwa.

        ## Zakończenie sesji

        Zamknij program lub wybierz **Zakończ sesję**. Identyfikator i hasło od razu przestają działać; kolejna sesja
        otrzyma nowe.

        > Wskazówka: przed rozpoczęciem sesji zamknij okna z poufnymi danymi.

        Zobacz też: [co napisać w zgłoszeniu technicznym](article:good-request).
        """;

    private const string FirmwareEn = """
        This guide is for owners of Sentinel 200F and 600F firewalls under an active contract. An upgrade takes about
        15 minutes, including a restart of 3–5 minutes during which traffic through the firewall stops: plan it for a
        maintenance window.

        ## Before you start

        - Download the firmware image for your model from **Downloads** and check its SHA-256.
        - Read the release notes: some versions must be installed one after another.
        - Save the configuration. You need it if anything goes wrong.

        | From version | To 7.4.3 |
        |---|---|
        | 7.4.x | directly |
        | 7.2.x | directly |
        | 7.0.x or older | first to 7.2.4, then to 7.4.3 |

        ## Upgrading from the console

        Copy the image to a USB stick, plug it into the firewall and run, in the console:

        ```
        system backup save --to usb:/sentinel-before-7.4.3.cfg
        system firmware verify usb:/SNT-FW-7.4.3.img
        system firmware install usb:/SNT-FW-7.4.3.img --reboot
        ```

        After the restart, sign in and check the version with `system status`. VPN tunnels come back by themselves within a
        minute or two.

        ## If something goes wrong

        If the firewall does not come back within 10 minutes, do not switch it off. Send a
        [support request](article:submit) with priority **Urgent**, the serial number and the output of the commands above.
        """;

    private const string FirmwarePl = """
        Instrukcja dla właścicieli zapór Sentinel 200F i 600F objętych aktywnym kontraktem. Aktualizacja trwa około
        15 minut, w tym 3–5 minut restartu, podczas którego ruch przez zaporę jest wstrzymany – zaplanuj ją w oknie
        serwisowym.

        ## Zanim zaczniesz

        - Pobierz obraz firmware dla swojego modelu z działu **Pobierz** i sprawdź jego skrót SHA-256.
        - Przeczytaj informacje o wydaniu: niektóre wersje trzeba instalować po kolei.
        - Zapisz konfigurację. Będzie potrzebna, gdyby coś poszło nie tak.

        | Z wersji | Do 7.4.3 |
        |---|---|
        | 7.4.x | bezpośrednio |
        | 7.2.x | bezpośrednio |
        | 7.0.x lub starszej | najpierw do 7.2.4, potem do 7.4.3 |

        ## Aktualizacja z konsoli

        Skopiuj obraz na pendrive, podłącz go do zapory i wykonaj w konsoli:

        ```
        system backup save --to usb:/sentinel-before-7.4.3.cfg
        system firmware verify usb:/SNT-FW-7.4.3.img
        system firmware install usb:/SNT-FW-7.4.3.img --reboot
        ```

        Po restarcie zaloguj się i sprawdź wersję poleceniem `system status`. Tunele VPN wznowią się same w ciągu minuty
        lub dwóch.

        ## Jeśli coś pójdzie nie tak

        Jeśli zapora nie uruchomi się w ciągu 10 minut, nie wyłączaj jej. Prześlij [zgłoszenie techniczne](article:submit)
        z priorytetem **Pilny**, numerem seryjnym i wynikiem powyższych poleceń.
        """;

    private const string VpnLogsEn = """
        When a VPN tunnel drops, the firewall's VPN events tell us why. Send them with your
        [support request](article:good-request) and we can usually answer without asking again.

        ## Saving the log

        1. Sign in to the firewall's web console.
        2. Open **Log & Report → VPN Events**.
        3. Set the time range to cover the last drop, with 15 minutes on each side.
        4. Choose **Download** and save the file as text.

        ## From the console

        ```
        log filter --category vpn --since "2026-03-12 08:00" --until "2026-03-12 09:00"
        log export --to usb:/vpn-events.txt
        ```

        ## What we look for

        - **Phase 1 / Phase 2 renegotiation** shortly before the drop: often a lifetime that differs between the two ends.
        - **Dead peer detection** timeouts: often a line or provider problem.
        - **Proposal mismatch**: the two ends disagree on encryption settings, typically after an upgrade; see
          [upgrading the firmware](article:firmware).
        """;

    private const string VpnLogsPl = """
        Gdy tunel VPN się zrywa, zdarzenia VPN zapisane przez zaporę mówią nam, dlaczego. Dołącz je do
        [zgłoszenia technicznego](article:good-request), a zwykle odpowiemy bez dodatkowych pytań.

        ## Zapisywanie logu

        1. Zaloguj się do konsoli WWW zapory.
        2. Otwórz **Log & Report → VPN Events**.
        3. Ustaw zakres czasu obejmujący ostatnie zerwanie, z zapasem 15 minut przed i po.
        4. Wybierz **Download** i zapisz plik jako tekst.

        ## Z konsoli

        ```
        log filter --category vpn --since "2026-03-12 08:00" --until "2026-03-12 09:00"
        log export --to usb:/vpn-events.txt
        ```

        ## Czego szukamy

        - **Ponownych negocjacji fazy 1 lub 2** tuż przed zerwaniem – często różny czas życia kluczy po obu stronach.
        - **Przekroczeń czasu wykrywania martwego partnera** (DPD) – zwykle problem z łączem lub operatorem.
        - **Niezgodności propozycji** – strony nie zgadzają się co do ustawień szyfrowania, typowo po aktualizacji; zobacz
          [aktualizację firmware](article:firmware).
        """;

    private const string PasswordEn = """
        Forgot your password? You can set a new one yourself in a few minutes.

        ## Setting a new password

        1. On the sign-in page choose **Forgot my password**.
        2. Enter the e-mail address you sign in with and send the form.
        3. Open the link in the e-mail we send you. It works once and only for a short time.
        4. Choose a new password and confirm it.

        For your safety the message on the page is the same whether or not the address has an account, so that nobody can
        use the form to find out who our customers are.

        ## No e-mail arrived?

        - Check the spam folder and wait a few minutes.
        - Make sure you used the address you sign in with; colleagues sometimes register with a shared mailbox.
        - If your account was created for you (for example when you sent a request by e-mail), it has no password yet:
          choose **Get a password** instead; the steps are the same.

        ## A good password

        Use at least 12 characters; a sentence you remember is better than a short word with symbols. Better still, add
        [two-step sign-in](article:two-step) or [a passkey](article:passkeys).
        """;

    private const string PasswordPl = """
        Nie pamiętasz hasła? Nowe ustawisz samodzielnie w kilka minut.

        ## Ustawianie nowego hasła

        1. Na stronie logowania wybierz **Nie pamiętam hasła**.
        2. Podaj adres e-mail, którym się logujesz, i wyślij formularz.
        3. Kliknij link z wiadomości, którą wyślemy. Działa jednorazowo i tylko przez krótki czas.
        4. Ustal nowe hasło i powtórz je.

        Dla bezpieczeństwa komunikat na stronie jest taki sam bez względu na to, czy adres ma konto – nikt nie może w ten
        sposób sprawdzić, kto jest naszym klientem.

        ## Wiadomość nie dotarła?

        - Sprawdź folder ze spamem i odczekaj kilka minut.
        - Upewnij się, że podajesz adres, którym się logujesz – czasem konto zakłada się na wspólną skrzynkę.
        - Jeśli konto utworzyliśmy za Ciebie (np. gdy zgłoszenie przyszło e-mailem), nie ma ono jeszcze hasła: wybierz
          **Utwórz hasło** – kroki są takie same.

        ## Dobre hasło

        Użyj co najmniej 12 znaków; zdanie, które łatwo zapamiętasz, jest lepsze niż krótkie słowo z symbolami. Jeszcze
        lepiej włącz [logowanie dwuetapowe](article:two-step) lub dodaj [klucz dostępu](article:passkeys).
        """;

    private const string TwoStepEn = """
        Every sign-in with a password has a second step: a six-digit code. By default we e-mail it to you; an
        authenticator app on your phone is faster and works even when e-mail is slow.

        ## Adding an authenticator app

        1. Install an authenticator app on your phone, if you have none yet.
        2. In the portal open **Your account → Two-factor authentication** and choose **Add an authenticator app**.
        3. Scan the QR code with the app, or type in the key shown next to it.
        4. Enter the six-digit code the app now shows and choose **Verify and turn on**.

        ## Recovery codes

        After the app is added you get ten **recovery codes**. Each works once, instead of the app's code. Keep them
        somewhere safe, for example in a password manager or printed in a drawer. If you lose your phone, sign in with a
        recovery code and add the app on your new phone.

        | Second step | When to use it |
        |---|---|
        | Code by e-mail | always available |
        | Authenticator app | your usual choice once it is set up |
        | Recovery code | the phone is lost or broken |

        You can also skip passwords altogether with [a passkey](article:passkeys).
        """;

    private const string TwoStepPl = """
        Każde logowanie hasłem ma drugi krok: sześciocyfrowy kod. Domyślnie wysyłamy go e-mailem; aplikacja
        uwierzytelniająca w telefonie jest szybsza i działa nawet wtedy, gdy poczta się spóźnia.

        ## Dodawanie aplikacji uwierzytelniającej

        1. Zainstaluj w telefonie aplikację uwierzytelniającą, jeśli jeszcze jej nie masz.
        2. W portalu otwórz **Twoje konto → Uwierzytelnianie dwuskładnikowe** i wybierz **Dodaj aplikację uwierzytelniającą**.
        3. Zeskanuj kod QR w aplikacji albo wpisz klucz podany obok.
        4. Wpisz sześciocyfrowy kod, który pokazuje aplikacja, i wybierz **Sprawdź i włącz**.

        ## Kody odzyskiwania

        Po dodaniu aplikacji otrzymasz dziesięć **kodów odzyskiwania**. Każdy działa raz, zamiast kodu z aplikacji.
        Przechowuj je w bezpiecznym miejscu, np. w menedżerze haseł albo wydrukowane w szufladzie. Jeśli zgubisz telefon,
        zaloguj się kodem odzyskiwania i dodaj aplikację w nowym telefonie.

        | Drugi krok | Kiedy go użyć |
        |---|---|
        | Kod e-mailem | zawsze dostępny |
        | Aplikacja uwierzytelniająca | na co dzień, gdy już ją skonfigurujesz |
        | Kod odzyskiwania | telefon zginął lub się zepsuł |

        Możesz też w ogóle zrezygnować z hasła i logować się [kluczem dostępu](article:passkeys).
        """;

    private const string PasskeysEn = """
        A passkey signs you in with your fingerprint, face or device PIN instead of a password and a code. It cannot be
        phished: it works only on this portal's address.

        ## Adding a passkey

        1. Sign in and open **Your account → Passkeys**.
        2. Choose **Add a passkey** and follow your browser or phone.
        3. Give the passkey a name you will recognise, such as "Work laptop".

        ## Signing in

        On the sign-in page choose **Sign in with a passkey** and confirm on your device. There is no code to type.

        ## Managing passkeys

        The **Passkeys** page shows when each passkey was added and last used. Remove one you no longer use, for example
        after replacing a laptop. Your password keeps working, so you can always [reset it](article:password) if you lose
        every device.
        """;

    private const string PasskeysPl = """
        Klucz dostępu pozwala zalogować się odciskiem palca, rozpoznawaniem twarzy lub kodem PIN urządzenia zamiast hasła
        i kodu. Nie da się go wyłudzić: działa wyłącznie pod adresem tego portalu.

        ## Dodawanie klucza dostępu

        1. Zaloguj się i otwórz **Twoje konto → Klucze dostępu**.
        2. Wybierz **Dodaj klucz dostępu** i postępuj zgodnie z poleceniami przeglądarki lub telefonu.
        3. Nadaj kluczowi nazwę, którą rozpoznasz, np. „Laptop służbowy”.

        ## Logowanie

        Na stronie logowania wybierz **Zaloguj się kluczem dostępu** i potwierdź na urządzeniu. Nie trzeba wpisywać kodu.

        ## Zarządzanie kluczami

        Strona **Klucze dostępu** pokazuje, kiedy każdy klucz został dodany i ostatnio użyty. Usuń klucz, którego już nie
        używasz, np. po wymianie laptopa. Hasło nadal działa, więc jeśli stracisz wszystkie urządzenia, zawsze możesz
        [je zresetować](article:password).
        """;

    private const string ProfileEn = """
        Your profile decides the language of the portal and of our e-mails, and the time zone of every date you see.

        ## Changing them

        1. Open **Your account → Profile**.
        2. Choose the **Language**: English or Polish.
        3. Choose the **Time zone**; the most common ones are at the top of the list.
        4. Choose **Save**.

        Requests you send afterwards are answered in the language you chose. Articles are shown in your language; if an
        article has not been translated yet, you see the other language with a note saying so.

        Your e-mail address is the name you sign in with, so it cannot be changed here: send an
        [administrative request](article:submit) and we will change it for you.
        """;

    private const string ProfilePl = """
        Profil decyduje o języku portalu i naszych wiadomości e-mail oraz o strefie czasowej wszystkich wyświetlanych dat.

        ## Jak je zmienić

        1. Otwórz **Twoje konto → Profil**.
        2. Wybierz **Język**: angielski lub polski.
        3. Wybierz **Strefę czasową** – najczęściej wybierane są na początku listy.
        4. Wybierz **Zapisz**.

        Na kolejne zgłoszenia odpowiemy w wybranym języku. Artykuły wyświetlamy w Twoim języku; jeśli artykuł nie został
        jeszcze przetłumaczony, zobaczysz wersję w drugim języku z odpowiednią informacją.

        Adresem e-mail logujesz się do portalu, dlatego nie można go tu zmienić: prześlij
        [zgłoszenie administracyjne](article:submit), a zmienimy go za Ciebie.
        """;

    private const string SessionsEn = """
        **Your account → Active sessions** lists every browser signed in to your account: the browser, its IP address,
        when it signed in and when it was last active.

        ## Signing out elsewhere

        - Choose **Sign out** next to a browser you no longer use, such as a shared computer.
        - Choose **Sign out everywhere** if you think someone else has used your account; then
          [change your password](article:password) and check [two-step sign-in](article:two-step).

        A signed-out browser has to sign in again, with the password and the second step.
        """;

    private const string SessionsPl = """
        Strona **Twoje konto → Aktywne sesje** pokazuje wszystkie przeglądarki zalogowane na Twoje konto: przeglądarkę,
        adres IP, czas zalogowania i ostatniej aktywności.

        ## Wylogowanie innych urządzeń

        - Wybierz **Wyloguj** przy przeglądarce, której już nie używasz, np. na wspólnym komputerze.
        - Wybierz **Wyloguj wszędzie**, jeśli podejrzewasz, że ktoś inny korzystał z Twojego konta; następnie
          [zmień hasło](article:password) i sprawdź [logowanie dwuetapowe](article:two-step).

        Wylogowana przeglądarka musi zalogować się ponownie – hasłem i drugim krokiem.
        """;
}
