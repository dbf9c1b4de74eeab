using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Search.Core.Archive;

/// <summary>
/// The archive in PostgreSQL, shared by every node: each keeps its own index and follows the archive by
/// sequence number. Writers of documents take turns under a transaction-scoped advisory lock and number
/// their documents after the last committed one, so numbers become visible in the order they were handed
/// out: the classic trap of a shared sequence (a follower reads up to 7 while 6, taken earlier by a slower
/// transaction, commits after) cannot happen, at the price of one writer at a time, as in SQLite. A write
/// notifies the other nodes (<c>NOTIFY</c>, sent at commit), and each also looks every
/// <see cref="PollInterval"/> in case a notification was lost with its connection.
/// </summary>
internal sealed partial class PostgresArchiveDatabase : ArchiveDatabase
{
    /// <summary>How often a node looks for writes of other nodes when no notification came; within the two seconds promised.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const string Channel = "search_archive";

    // Advisory locks are named by two numbers: ours are in a space of their own.
    private const int LockSpace = 0x53524348;
    private const int SequenceTurn = 1, SchemaTurn = 2, Lead = 3;

    private readonly NpgsqlDataSource _source;
    // The lead is a session lock: its connection is never pooled, so that closing it ends the session and frees the lead.
    private readonly NpgsqlDataSource _leadSource;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _listening;
    private readonly Lock _leadGate = new();
    private NpgsqlConnection? _lead;

    /// <exception cref="NpgsqlException">The database cannot be reached or its schema cannot be created.</exception>
    public PostgresArchiveDatabase(string connectionString, ILogger logger)
    {
        _logger = logger;
        _source = NpgsqlDataSource.Create(connectionString);
        _leadSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            using var connection = _source.OpenConnection();
            CreateSchema(connection);
        }
        catch
        {
            _source.Dispose();
            _leadSource.Dispose();
            throw;
        }
        _listening = Task.Run(() => ListenAsync(_stopping.Token));
    }

    public override bool Shared => true;

    public override long LastSequence
    {
        get
        {
            using var connection = _source.OpenConnection();
            using var max = connection.Command("SELECT COALESCE(MAX(seq), 0) FROM documents");
            return max.ScalarInt64();
        }
    }

    public override DbConnection OpenReader() => _source.OpenConnection();

    public override T Write<T>(bool sequenced, Func<ArchiveTransaction, T> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            long last;
            try
            {
                last = sequenced ? TakeTurn(connection, transaction) : 0;
            }
            catch (NpgsqlException e) when (attempt == 1 && e.IsTransient)
            {
                // A pooled connection the server closed (a restart) fails at its first statement, before
                // anything of this write was sent: take a fresh one.
                NpgsqlConnection.ClearPool(connection);
                continue;
            }
            var scope = new ArchiveTransaction(connection, transaction, last);
            var result = write(scope);
            if (scope.Advanced is { } advanced)
            {
                using var notify = scope.Command("SELECT pg_notify(@channel, @sequence)")
                    .With("@channel", Channel).With("@sequence", advanced.ToString(System.Globalization.CultureInfo.InvariantCulture));
                notify.ExecuteNonQuery();
            }
            transaction.Commit();
            scope.Committed();
            return result;
        }
    }

    public override bool HoldsLead()
    {
        lock (_leadGate)
        {
            if (_lead is not null)
            {
                try
                {
                    using var alive = _lead.Command("SELECT 1");
                    alive.ExecuteNonQuery();
                    return true;
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
                {
                    // The connection holding the lead is gone, and the lead with it: another node may take it.
                    _lead.Dispose();
                    _lead = null;
                    LogLeadLost(e.Message);
                }
            }
            try
            {
                var connection = _leadSource.OpenConnection();
                var taken = false;
                try
                {
                    using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @key)", connection);
                    take.Parameters.AddWithValue("space", LockSpace);
                    take.Parameters.AddWithValue("key", Lead);
                    taken = take.ExecuteScalar() is true;
                }
                finally
                {
                    if (!taken)
                        connection.Dispose();
                }
                if (taken)
                {
                    _lead = connection;
                    LogLeadTaken();
                }
                return taken;
            }
            catch (NpgsqlException)
            {
                return false;
            }
        }
    }

    /// <summary>PostgreSQL is backed up by its own tools (<c>pg_dump</c>, docs/deploy.md), as its operators already do.</summary>
    public override bool BackupTo(string destinationPath) => false;

    public override void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _listening.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener ends by its cancellation.
        }
        lock (_leadGate)
        {
            _lead?.Dispose();
            _lead = null;
        }
        _source.Dispose();
        _leadSource.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Waits for this write's turn and returns the last sequence number committed before it.</summary>
    private static long TakeTurn(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        WaitForTurn(connection, transaction, SequenceTurn);
        // A statement of its own, so that its snapshot is taken once the turn is ours (read committed):
        // it sees every write that held the turn before.
        using var max = new NpgsqlCommand("SELECT COALESCE(MAX(seq), 0) FROM documents", connection, transaction);
        return max.ScalarInt64();
    }

    /// <summary>Waits for the transaction-scoped advisory lock <paramref name="key"/> of our space: held until the transaction ends.</summary>
    private static void WaitForTurn(NpgsqlConnection connection, NpgsqlTransaction transaction, int key)
    {
        using var turn = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @key)", connection, transaction);
        turn.Parameters.AddWithValue("space", LockSpace);
        turn.Parameters.AddWithValue("key", key);
        turn.ExecuteNonQuery();
    }

    /// <summary>The tables and indexes the schema creates, read from its own statements.</summary>
    private static readonly string[] SchemaRelations = [.. System.Text.RegularExpressions.Regex
        .Matches(ArchiveSchema.Postgres.Documents + ArchiveSchema.Postgres.Following, @"CREATE (?:TABLE|INDEX) IF NOT EXISTS (\w+)")
        .Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Creates the tables once, whichever node comes first (two creating them at once would collide). A node
    /// that finds them all there leaves them be: <c>CREATE INDEX IF NOT EXISTS</c> locks its table even when the
    /// index exists, and a node restarted while the others wrote deadlocked with their writers (40P01, seen in
    /// <c>SeveralNodesTests</c>). A deadlock while creating is retried: PostgreSQL ends one side of it, and the
    /// other side's writes go on.
    /// </summary>
    private static void CreateSchema(NpgsqlConnection connection)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var transaction = connection.BeginTransaction();
                WaitForTurn(connection, transaction, SchemaTurn);
                if (!SchemaComplete(connection, transaction))
                {
                    using var create = new NpgsqlCommand(ArchiveSchema.Postgres.Documents + ArchiveSchema.Postgres.Following, connection, transaction);
                    create.ExecuteNonQuery();
                }
                transaction.Commit();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }

    private static bool SchemaComplete(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var count = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = ANY(@names)",
            connection, transaction);
        count.Parameters.AddWithValue("names", SchemaRelations);
        return (long)count.ExecuteScalar()! == SchemaRelations.Length;
    }

    /// <summary>
    /// Listens for other nodes' writes, and looks every <see cref="PollInterval"/> all the same; while
    /// the database cannot be reached, keeps trying to listen again and keeps the indexing loop looking.
    /// </summary>
    private async Task ListenAsync(CancellationToken stopping)
    {
        var failing = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stopping).ConfigureAwait(false);
                connection.Notification += (_, _) => OnChangedElsewhere();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                if (failing)
                    LogListeningAgain();
                failing = false;
                // Whatever was committed while no one listened.
                OnChangedElsewhere();
                while (!stopping.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(PollInterval, stopping).ConfigureAwait(false))
                        OnChangedElsewhere();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or SocketException or TimeoutException or InvalidOperationException)
            {
                if (!failing)
                    LogListenFailed(e.Message);
                failing = true;
                OnChangedElsewhere();
                try
                {
                    await Task.Delay(PollInterval, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Cannot listen for other nodes' writes ({Reason}); trying again every second, and looking for new writes meanwhile")]
    private partial void LogListenFailed(string reason);

    [LoggerMessage(LogLevel.Information, "Listening for other nodes' writes again")]
    private partial void LogListeningAgain();

    [LoggerMessage(LogLevel.Information, "This node now runs the work that runs on one node at a time (saved searches' alerts)")]
    private partial void LogLeadTaken();

    [LoggerMessage(LogLevel.Warning, "This node lost the lead of the work that runs on one node at a time ({Reason})")]
    private partial void LogLeadLost(string reason);
}
