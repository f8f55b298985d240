namespace Supportal.Email;

/// <summary>Opens connections to the mail server.</summary>
public interface IMailTransport
{
    /// <summary>A connection for several messages in turn. Nothing is opened until the first message is sent.</summary>
    IMailConnection Open();
}

/// <summary>One conversation with the mail server, reused for message after message while there is mail to send.</summary>
public interface IMailConnection : IAsyncDisposable
{
    /// <summary>
    /// Hands one message to the server; returns once the server has accepted it and throws when it did not. After a
    /// failure the next message starts a new conversation.
    /// </summary>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Ends the conversation politely, e.g. when there is nothing left to send; the next message opens another.</summary>
    Task CloseAsync();
}
