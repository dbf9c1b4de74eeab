using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Search.Core.Following;

/// <summary>
/// Saved searches and the outbox of their alerts, durable in the archive's SQLite file (tables
/// <c>saved_searches</c> and <c>alerts</c>, created beside the documents like the archive's own), so
/// that a restart loses neither: a saved search remembers the sequence it was matched through, and an
/// alert stays in the outbox until its receiver acknowledged it. Matching writes a round's alerts and
/// the new sequence in one transaction: a crash before it matches the same documents again, after it
/// delivers what it wrote; never neither.
/// </summary>
internal sealed class FollowingStore : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();

    public FollowingStore(string archivePath)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = archivePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        // NORMAL (per connection; documents keep FULL on theirs): in WAL mode a commit survives the process
        // dying, and on a power loss the last commits may be undone whole. For this store that means work
        // done again, never lost: a round's alerts and the sequence it advanced to are one transaction (the
        // documents are matched again), and a delivery whose mark is undone is sent again under its key.
        // FULL cost an fsync a delivered alert, which a burst of thousands of alerts felt.
        Execute("""
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS saved_searches (
                id              TEXT    PRIMARY KEY,
                name            TEXT    NOT NULL,
                query           TEXT    NOT NULL,
                webhook         TEXT,
                created         INTEGER NOT NULL,
                matched_through INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS alerts (
                id           INTEGER PRIMARY KEY,
                search_id    TEXT    NOT NULL,
                idem_key     TEXT    NOT NULL UNIQUE,
                documents    TEXT    NOT NULL,
                ids          TEXT,
                created      INTEGER NOT NULL,
                attempts     INTEGER NOT NULL DEFAULT 0,
                next_attempt INTEGER NOT NULL,
                delivered    INTEGER,
                last_error   TEXT
            );
            CREATE INDEX IF NOT EXISTS alerts_due ON alerts (delivered, next_attempt);
            CREATE INDEX IF NOT EXISTS alerts_search ON alerts (search_id);
            """);
        // An outbox written before alerts were described at sending time has every alert's documents already.
        if (!Columns("alerts").Contains("ids"))
            Execute("ALTER TABLE alerts ADD COLUMN ids TEXT");
    }

    public SavedSearch Add(string name, SavedQuery query, Uri? webhook, long matchedThrough)
    {
        var search = new SavedSearch(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, query, webhook,
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), matchedThrough);
        lock (_writeLock)
        {
            using var command = _writer.CreateCommand();
            command.CommandText = """
                INSERT INTO saved_searches (id, name, query, webhook, created, matched_through)
                VALUES ($id, $name, $query, $webhook, $created, $through)
                """;
            command.Parameters.AddWithValue("$id", search.Id);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$query", JsonSerializer.Serialize(query, Json));
            command.Parameters.AddWithValue("$webhook", (object?)webhook?.AbsoluteUri ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", search.Created.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$through", matchedThrough);
            command.ExecuteNonQuery();
        }
        return search;
    }

    /// <summary>Removes a saved search and its undelivered alerts; false when there is none.</summary>
    public bool Remove(string id)
    {
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            using var command = _writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM saved_searches WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            if (command.ExecuteNonQuery() == 0)
                return false;
            command.CommandText = "DELETE FROM alerts WHERE search_id = $id";
            command.ExecuteNonQuery();
            transaction.Commit();
            return true;
        }
    }

    public IReadOnlyList<SavedSearch> List()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, query, webhook, created, matched_through FROM saved_searches ORDER BY created, id";
        using var reader = command.ExecuteReader();
        var searches = new List<SavedSearch>();
        while (reader.Read())
            searches.Add(ReadSearch(reader));
        return searches;
    }

    public SavedSearch? Find(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, query, webhook, created, matched_through FROM saved_searches WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSearch(reader) : null;
    }

    public SavedSearchState State(SavedSearch search)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT SUM(delivered IS NULL), SUM(delivered IS NOT NULL), MAX(delivered),
                   MIN(CASE WHEN delivered IS NULL THEN next_attempt END),
                   (SELECT last_error FROM alerts WHERE search_id = $id AND delivered IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1)
            FROM alerts WHERE search_id = $id
            """;
        command.Parameters.AddWithValue("$id", search.Id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SavedSearchState(search,
            reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
            reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    /// <summary>
    /// Records a round of matching in one transaction: each saved search's alerts (for those with a webhook
    /// and new matches, the ids of their documents, described when first sent) and the sequence it is now
    /// matched through. A saved search removed meanwhile gets none; one created meanwhile (matched through
    /// a later sequence already) is left as it is.
    /// </summary>
    public void RecordRound(IReadOnlyList<(SavedSearch Search, IReadOnlyList<IReadOnlyList<string>> Alerts)> matched, long through)
    {
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            using var advance = _writer.CreateCommand();
            advance.Transaction = transaction;
            advance.CommandText = "UPDATE saved_searches SET matched_through = $through WHERE id = $id AND matched_through < $through";
            var advanceId = advance.Parameters.Add("$id", SqliteType.Text);
            advance.Parameters.AddWithValue("$through", through);
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR IGNORE INTO alerts (search_id, idem_key, documents, ids, created, next_attempt)
                SELECT $search, $key, '', $ids, $now, $now WHERE EXISTS (SELECT 1 FROM saved_searches WHERE id = $search)
                """;
            var search = insert.Parameters.Add("$search", SqliteType.Text);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var ids = insert.Parameters.Add("$ids", SqliteType.Text);
            insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            foreach (var (saved, alerts) in matched)
            {
                if (saved.Webhook is not null)
                {
                    for (var part = 0; part < alerts.Count; part++)
                    {
                        search.Value = saved.Id;
                        // Stable per (saved search, batch): the same documents are never written under another key.
                        key.Value = string.Create(CultureInfo.InvariantCulture, $"{saved.Id}-{saved.MatchedThrough}-{through}-{part}");
                        ids.Value = JsonSerializer.Serialize(alerts[part], Json);
                        insert.ExecuteNonQuery();
                    }
                }
                advanceId.Value = saved.Id;
                advance.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    /// <summary>Alerts due by <paramref name="now"/>, the oldest first, with where they go and, for one never sent, the ids it is to describe.</summary>
    public IReadOnlyList<DueAlert> Due(DateTimeOffset now, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.search_id, s.name, s.webhook, a.idem_key, a.documents, a.attempts, a.created, s.query, a.ids
            FROM alerts a JOIN saved_searches s ON s.id = a.search_id
            WHERE a.delivered IS NULL AND a.next_attempt <= $now AND s.webhook IS NOT NULL
            ORDER BY a.next_attempt, a.id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var due = new List<DueAlert>();
        while (reader.Read())
            due.Add(new DueAlert(
                new PendingAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), new Uri(reader.GetString(3)),
                    reader.GetString(4), reader.GetString(5), reader.GetInt32(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))),
                JsonSerializer.Deserialize<SavedQuery>(reader.GetString(8), Json)!,
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(9), Json)));
        return due;
    }

    /// <summary>Keeps what an alert says, so that every later attempt sends the same body under its key.</summary>
    public void Describe(long alert, string documents) =>
        Update("UPDATE alerts SET documents = $documents, ids = NULL WHERE id = $id", alert, ("$documents", documents));

    /// <summary>Removes an alert with nothing left to tell (its documents were deleted before it was sent).</summary>
    public void Drop(long alert) => Update("DELETE FROM alerts WHERE id = $id", alert);

    public void Delivered(long alert) => Update("UPDATE alerts SET delivered = $now, attempts = attempts + 1, last_error = NULL WHERE id = $id",
        alert, ("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public void Failed(long alert, string error, DateTimeOffset nextAttempt) =>
        Update("UPDATE alerts SET attempts = attempts + 1, last_error = $error, next_attempt = $next WHERE id = $id",
            alert, ("$error", error), ("$next", nextAttempt.ToUnixTimeMilliseconds()));

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearPool(_writer);
    }

    private void Update(string sql, long id, params (string Name, object Value)[] values)
    {
        lock (_writeLock)
        {
            using var command = _writer.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            foreach (var (name, value) in values)
                command.Parameters.AddWithValue(name, value);
            command.ExecuteNonQuery();
        }
    }

    private static SavedSearch ReadSearch(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        JsonSerializer.Deserialize<SavedQuery>(reader.GetString(2), Json)!,
        reader.IsDBNull(3) ? null : new Uri(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.GetInt64(5));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private HashSet<string> Columns(string table)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
