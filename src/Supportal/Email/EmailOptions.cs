namespace Supportal.Email;

/// <summary>The "Email" section: the sender of every notification.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "support-system@localhost";
    public string FromName { get; set; } = "Supportal";

    /// <summary>How often the sender looks for due messages.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>After this many failed tries a message is set aside as failed (never deleted).</summary>
    public int MaxAttempts { get; set; } = 12;

    internal static bool IsAddress(string? value) => EmailAddresses.TryParse(value, out _);
}

/// <summary>The "Smtp" section. With no host, mail stays in the outbox, readable in the development mailbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>
    /// How the connection is encrypted, one of <see cref="SmtpSecurity"/>'s names. Text rather than the enum so that
    /// a wrong value stops start-up with a message naming the key, not with a binder exception.
    /// </summary>
    public string Security { get; set; } = nameof(SmtpSecurity.Auto);

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// Seconds to wait for the server before a try counts as failed. A sender's claim on a message outlasts this by a
    /// little, so it also bounds how long a crashed node's messages wait before another node sends them.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How many connections each app node keeps open at once while mail is waiting. Two let urgent mail go on while
    /// one connection waits on a slow message.
    /// </summary>
    public int Connections { get; set; } = 2;

    /// <summary>
    /// How many messages one connection carries before it is closed and a new one opened. Mail servers cap this
    /// (Exchange's receive connectors at 20 by default) and answer the next one with an error.
    /// </summary>
    public int MessagesPerConnection { get; set; } = 20;

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);

    // Names only: Enum.TryParse would also take numbers, and "3" in a settings file is no one's intent.
    public bool IsValidSecurity => Enum.GetNames<SmtpSecurity>().Contains(Security, StringComparer.OrdinalIgnoreCase);

    public SmtpSecurity SecurityKind => Enum.Parse<SmtpSecurity>(Security, ignoreCase: true);
}

public enum SmtpSecurity
{
    /// <summary>TLS from the first byte on port 465; elsewhere STARTTLS when the server offers it, else unencrypted.</summary>
    Auto,

    /// <summary>Never encrypted, even when the server offers STARTTLS.</summary>
    None,

    /// <summary>STARTTLS, and no delivery to a server that does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
