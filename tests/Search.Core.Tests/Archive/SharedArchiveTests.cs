using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Search.Core.Archive;
using Search.Core.Storage;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.ArabicStatements;

namespace Search.Core.Tests.Archive;

/// <summary>
/// One PostgreSQL archive written and followed by several nodes at once (each node an archive of its own
/// over the same database, as each service process opens one).
/// </summary>
public sealed class SharedArchiveTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _database = server.CreateDatabase();
    private readonly List<DocumentArchive> _nodes = [];

    public void Dispose()
    {
        foreach (var node in _nodes)
            node.Dispose();
    }

    private DocumentArchive Node()
    {
        var node = new DocumentArchive(new PostgresArchiveDatabase(_database, NullLogger.Instance));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Makes every write of a document take a while inside its transaction, after its number is taken.</summary>
    private void SlowWrites(string sleep)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand($"""
            CREATE OR REPLACE FUNCTION slow_write() RETURNS trigger AS $$
            BEGIN PERFORM pg_sleep({sleep}); RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE OR REPLACE TRIGGER slow_write BEFORE INSERT OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION slow_write();
            """, connection);
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_node_opened_while_another_writes_takes_no_lock_on_the_tables()
    {
        Node();
        // A writer's transaction holds its row lock on the documents table (creating an index would wait for it,
        // and a node restarted among writers deadlocked with them).
        await using var writer = new NpgsqlConnection(_database);
        await writer.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE documents IN ROW EXCLUSIVE MODE", writer, transaction))
            await hold.ExecuteNonQueryAsync();

        var opening = Task.Run(Node);

        Assert.Same(opening, await Task.WhenAny(opening, Task.Delay(TimeSpan.FromSeconds(10))));
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task A_slow_write_holds_back_a_later_one_so_a_follower_never_reads_past_a_number_still_to_come()
    {
        var (slowNode, fastNode, follower) = (Node(), Node(), Node());
        SlowWrites("CASE WHEN NEW.id = 'slow' THEN 3 ELSE 0 END");

        var slow = Task.Run(() => slowNode.Store([Doc("slow", "بيان بطيء")]));
        await SleepingInAWriteAsync(); // the slow write has its number, inside its transaction
        var fast = Task.Run(() => fastNode.Store([Doc("fast", "بيان سريع")]));
        await Task.Delay(300);

        // The later write waits for the earlier one's commit, and a follower sees neither meanwhile.
        Assert.False(fast.IsCompleted, "a later write committed while an earlier one still held its number");
        Assert.Empty(follower.ReadAfter(0, 100));
        var seen = new List<ArchiveEntry>();
        while (!(slow.IsCompleted && fast.IsCompleted))
        {
            seen.AddRange(follower.ReadAfter(seen.Count > 0 ? seen[^1].Sequence : 0, 100));
            await Task.Delay(20);
        }
        seen.AddRange(follower.ReadAfter(seen.Count > 0 ? seen[^1].Sequence : 0, 100));

        // Numbered in the order they committed, and read in that order: neither is missed.
        Assert.Equal(await slow + 1, await fast);
        Assert.Equal(["slow", "fast"], seen.Select(e => e.Id));
    }

    private async Task SleepingInAWriteAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var sleeping = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'", connection);
            if ((long)(await sleeping.ExecuteScalarAsync())! > 0)
                return;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the slow write never began");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Concurrent_writers_on_three_nodes_committing_at_random_leave_every_follower_with_every_document_exactly_once()
    {
        var nodes = new[] { Node(), Node(), Node() };
        SlowWrites("random() * 0.004");
        const int writersPerNode = 3, batches = 12, batchSize = 4;
        var followed = nodes.Select(_ => new ConcurrentDictionary<string, long>()).ToArray();
        using var writing = new CancellationTokenSource();
        var followers = nodes.Select((node, n) => Task.Run(async () =>
        {
            long last = 0;
            while (true)
            {
                var done = writing.IsCancellationRequested;
                foreach (var entry in node.ReadAfter(last, 50))
                {
                    Assert.True(entry.Sequence > last, "a follower read a number lower than one it had read");
                    last = entry.Sequence;
                    if (entry.Document is null)
                        followed[n].TryRemove(entry.Id, out _);
                    else
                        followed[n][entry.Id] = entry.Sequence;
                }
                if (done && last == node.LastSequence)
                    return;
                await Task.Delay(5);
            }
        })).ToArray();

        var writers = Enumerable.Range(0, nodes.Length * writersPerNode).Select(w => Task.Run(() =>
        {
            var node = nodes[w % nodes.Length];
            for (var b = 0; b < batches; b++)
            {
                // Every writer also replaces a document the others write too, and deletes one of its own.
                var batch = Enumerable.Range(0, batchSize).Select(i => Doc($"w{w}-b{b}-{i}", $"بيان الكاتب {w} رقم {b}")).ToList();
                batch.Add(Doc($"shared-{b}", $"بيان مشترك {b} من الكاتب {w}"));
                node.Store(batch);
                if (b % 4 == 3)
                    Assert.True(node.Delete($"w{w}-b{b}-0"));
            }
        })).ToArray();
        await Task.WhenAll(writers);
        writing.Cancel();
        await Task.WhenAll(followers).WaitAsync(TimeSpan.FromSeconds(60));

        var expected = Enumerable.Range(0, nodes.Length * writersPerNode)
            .SelectMany(w => Enumerable.Range(0, batches).SelectMany(b => Enumerable.Range(0, batchSize)
                .Where(i => !(b % 4 == 3 && i == 0)).Select(i => $"w{w}-b{b}-{i}")))
            .Concat(Enumerable.Range(0, batches).Select(b => $"shared-{b}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, nodes[0].Count());
        foreach (var state in followed)
            Assert.Equal(expected, state.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_write_on_one_node_wakes_the_others_within_two_seconds()
    {
        var (writer, other) = (Node(), Node());
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.Delay(200); // the listener is listening
        other.Database.ChangedElsewhere += () => woken.TrySetResult();

        writer.Store([Doc("d1", "بيان")]);

        await woken.Task.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Single(other.ReadAfter(0, 10));
    }

    [Fact]
    public void One_node_at_a_time_leads_and_another_takes_over_when_it_stops()
    {
        var (first, second) = (Node(), Node());

        Assert.True(first.Database.HoldsLead());
        Assert.False(second.Database.HoldsLead());
        Assert.True(first.Database.HoldsLead());

        _nodes.Remove(first);
        first.Dispose();

        Assert.True(second.Database.HoldsLead());
    }
}

/// <summary>PostgreSQL stopped under a node and started again (a fixture of its own: it stops the server).</summary>
public sealed class SharedArchiveOutageTests : IDisposable
{
    private readonly PostgresServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Writes_are_refused_as_unreachable_while_the_database_is_down_and_work_again_once_it_is_back()
    {
        using var node = new DocumentArchive(new PostgresArchiveDatabase(_server.CreateDatabase(), NullLogger.Instance));
        node.Store([Doc("before", "بيان قبل")]);

        _server.Stop();
        var refused = Assert.ThrowsAny<Exception>(() => node.Store([Doc("during", "بيان أثناء")]));
        Assert.Equal(StorageProblem.Unreachable, StorageFailures.Classify(refused));
        _server.Start();

        node.Store([Doc("after", "بيان بعد")]);
        Assert.Equal(["before", "after"], node.ReadAfter(0, 10).Select(e => e.Id));
    }
}
