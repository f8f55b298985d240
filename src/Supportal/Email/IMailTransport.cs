namespace Supportal.Email;

/// <summary>Hands one message to a mail server. Throws when the server did not accept it.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
