using System.Data.Common;

namespace Search.Core.Archive;

/// <summary>
/// Where the archive of record lives: SQLite in the data folder (one node, the default), or PostgreSQL
/// shared by any number of nodes, each following it into its own index. <see cref="DocumentArchive"/> and
/// <see cref="Following.FollowingStore"/> speak the SQL both understand through this; what differs (the
/// schema's types, how writers take turns and sequence numbers are handed out, how other nodes learn of
/// a write) is here.
/// </summary>
internal abstract class ArchiveDatabase : IDisposable
{
    /// <summary>
    /// Raised when another process may have written (PostgreSQL: a notification, or the poll that stands
    /// in for one that was missed); a write of this process wakes its own indexing loop directly.
    /// </summary>
    public event Action? ChangedElsewhere;

    /// <summary>Whether other processes write to this archive too: what this process caches of it may be stale.</summary>
    public abstract bool Shared { get; }

    /// <summary>The sequence number of the latest change committed (0 for an empty archive).</summary>
    public abstract long LastSequence { get; }

    /// <summary>A new open connection for reading (the caller disposes it).</summary>
    public abstract DbConnection OpenReader();

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction, committed when it returns. Writes of documents
    /// (<paramref name="sequenced"/>) take turns across every process: each sees the last sequence number
    /// committed before it and commits before the next takes one, so numbers are committed in the order
    /// they were handed out and a follower that has read up to N never finds a lower number later.
    /// </summary>
    public abstract T Write<T>(bool sequenced, Func<ArchiveTransaction, T> write);

    /// <summary>
    /// Whether this process is the one to run work that must run once across all of them (sending a
    /// webhook's alerts, matching saved searches); asked before each round, since a lead is lost with the
    /// connection that holds it.
    /// </summary>
    public abstract bool HoldsLead();

    /// <summary>
    /// Writes a consistent copy of the archive (as of one commit, while writes go on) to a new file at
    /// <paramref name="destinationPath"/>; false, and nothing written, where the database's own tools do it
    /// (PostgreSQL: <c>pg_dump</c>).
    /// </summary>
    public abstract bool BackupTo(string destinationPath);

    public abstract void Dispose();

    protected void OnChangedElsewhere() => ChangedElsewhere?.Invoke();
}

/// <summary>A write under way: its connection and transaction, and for a sequenced one the last sequence committed before it.</summary>
internal sealed class ArchiveTransaction(DbConnection connection, DbTransaction transaction, long lastSequence)
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>The last sequence number committed before this write.</summary>
    public long LastSequence { get; } = lastSequence;

    /// <summary>The last sequence number this write used; set by a write that stored or deleted anything.</summary>
    public long? Advanced { get; set; }

    private List<Action>? _afterCommit;

    /// <summary>
    /// Runs <paramref name="action"/> once the write has committed, still in its turn: what a process keeps of the
    /// archive in memory follows its writes in the order they committed, and never holds one that failed.
    /// </summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Called by the database once the transaction has committed.</summary>
    public void Committed()
    {
        foreach (var action in _afterCommit ?? [])
            action();
    }

    /// <summary>A command in this transaction.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }
}
