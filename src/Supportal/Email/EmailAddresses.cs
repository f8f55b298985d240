using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Supportal.Email;

/// <summary>E-mail address checks for settings, commands and imports, on the same parser the mail is written with.</summary>
internal static class EmailAddresses
{
    // The default options take "maintenance" for a local address and "a@b.example>" for a@b.example; neither is
    // what anyone meant in a setting or an import.
    private static readonly ParserOptions Strict = new()
    {
        AllowAddressesWithoutDomain = false,
        AddressParserComplianceMode = RfcComplianceMode.Strict,
    };

    /// <summary>One mailbox, bare or with a display name ("Support &lt;help@example.com&gt;"), as settings accept.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        return value is not null && MailboxAddress.TryParse(Strict, value, out mailbox);
    }

    /// <summary>An address that passed <see cref="TryParse"/>.</summary>
    public static MailboxAddress Parse(string value) => MailboxAddress.Parse(Strict, value);

    /// <summary>Only a bare address, nothing around it: what an account's e-mail is.</summary>
    public static bool IsBare(string value) =>
        TryParse(value, out var mailbox) && string.IsNullOrEmpty(mailbox.Name) && mailbox.Route.Count == 0
        // The parser shows a punycode domain decoded; the value is still the same address.
        && (mailbox.Address == value || mailbox.GetAddress(idnEncode: true) == value);

    /// <summary>The domain of an address that passed <see cref="TryParse"/>, in its ASCII form, as a Message-ID needs it.</summary>
    public static string AsciiDomain(string value)
    {
        var address = Parse(value).GetAddress(idnEncode: true);
        return address[(address.LastIndexOf('@') + 1)..];
    }
}
