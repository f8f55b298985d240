using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Supportal.Data;

namespace Supportal.Email;

/// <summary>
/// Wakes this node's sender once mail queued by a save is committed, so a sign-in code leaves at once rather than at
/// the sender's next poll. Other nodes still find it at theirs.
/// </summary>
internal sealed class OutboxWake(OutboxSender sender) : CommitWatcher
{
    protected override bool Touches(EntityEntry entry) => entry is { Entity: OutboxMessage, State: EntityState.Added };

    protected override void Committed() => sender.Wake();
}
