using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>Adds audit records to the caller's context, so they commit with the change they describe.</summary>
public sealed class AuditLog(IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(AppDbContext db, string action, Guid? userId, string? detail = null) => db.AuditEvents.Add(new AuditEvent
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = userId,
        Action = action,
        Ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        Detail = detail,
    });
}
