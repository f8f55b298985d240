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
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Seconds to wait for the server before a try counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool HasHost => !string.IsNullOrWhiteSpace(Host);
}
