using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Supportal.Data;

/// <summary>
/// Calls <see cref="Committed"/> once a save that touched what <see cref="Touches"/> picks out is over: right after the
/// save, or, when the save was part of a transaction, when that transaction ends. A rollback counts as an end too: the
/// watchers only drop a kept copy or wake a reader, which costs nothing when there turned out to be no change. A
/// feature registers its watcher as a <see cref="CommitWatcher"/> singleton; every database context runs them all.
/// </summary>
public abstract class CommitWatcher : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts whose save touched something watched and whose transaction has not ended yet.</summary>
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    /// <summary>Whether a change about to be saved is one this watcher cares about.</summary>
    protected abstract bool Touches(EntityEntry entry);

    /// <summary>What to do once such a change is in the database.</summary>
    protected abstract void Committed();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Touches))
            pending.AddOrUpdate(context, this);
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Ended(context);
    }

    private void Ended(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
            Committed();
    }

    /// <summary>A failed save inside a transaction waits for the rollback: an earlier save in it may have touched something watched.</summary>
    private void Failed(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            pending.Remove(context);
    }
}
