using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Counts the savepoints set inside transactions, each of which costs a round trip to set and one to release.</summary>
public sealed class SavepointCounter : DbTransactionInterceptor
{
    private int created;

    public int Created => Volatile.Read(ref created);

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref created);
        return result;
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref created);
        return ValueTask.FromResult(result);
    }
}

public sealed class SavepointPortal : PortalFactory
{
    public SavepointCounter Savepoints { get; } = new();

    public SavepointPortal() => Intercept(Savepoints);
}

/// <summary>A reply and a new request are each one transaction of plain statements, with no savepoint around the save.</summary>
public sealed class SavepointTests(SavepointPortal portal) : IClassFixture<SavepointPortal>
{
    [Fact]
    public async Task A_new_request_and_a_reply_are_saved_without_savepoints()
    {
        var requester = await portal.CreateUserAsync("savepoint.owner@agent.test", "Sam", "Owner");
        var agent = await portal.AgentAsync("savepoint.agent@agent.test");
        var before = portal.Savepoints.Created;

        var ticket = await portal.CreateAsync(requester.Id, "Is there a savepoint?");
        var result = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "No, just one transaction." });

        result.Saved.ShouldBeTrue();
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(2);
        portal.Savepoints.Created.ShouldBe(before);
    }
}
