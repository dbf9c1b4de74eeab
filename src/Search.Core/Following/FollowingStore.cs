using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Search.Core.Archive;

namespace Search.Core.Following;

/// <summary>
/// Saved searches and the outbox of their alerts, durable in the archive's database (tables
/// <c>saved_searches</c> and <c>alerts</c>, created beside the documents by <see cref="ArchiveDatabase"/>), so
/// that a restart loses neither: a saved search remembers the sequence it was matched through, and an
/// alert stays in the outbox until its receiver acknowledged it. Matching writes a round's alerts and
/// the new sequence in one transaction: a crash before it matches the same documents again, after it
/// delivers what it wrote; never neither.
/// </summary>
internal sealed class FollowingStore(ArchiveDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SavedSearch Add(string name, SavedQuery query, Uri? webhook, long matchedThrough)
    {
        var search = new SavedSearch(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, query, webhook,
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), matchedThrough);
        return database.Write(sequenced: false, write =>
        {
            using var command = write.Command("""
                INSERT INTO saved_searches (id, name, query, webhook, created, matched_through)
                VALUES (@id, @name, @query, @webhook, @created, @through)
                """)
                .With("@id", search.Id).With("@name", name).With("@query", JsonSerializer.Serialize(query, Json))
                .With("@webhook", webhook?.AbsoluteUri).With("@created", search.Created.ToUnixTimeMilliseconds()).With("@through", matchedThrough);
            command.ExecuteNonQuery();
            return search;
        });
    }

    /// <summary>Removes a saved search and its undelivered alerts; false when there is none.</summary>
    public bool Remove(string id) => database.Write(sequenced: false, write =>
    {
        using var command = write.Command("DELETE FROM saved_searches WHERE id = @id").With("@id", id);
        if (command.ExecuteNonQuery() == 0)
            return false;
        command.CommandText = "DELETE FROM alerts WHERE search_id = @id";
        command.ExecuteNonQuery();
        return true;
    });

    public IReadOnlyList<SavedSearch> List()
    {
        using var connection = database.OpenReader();
        using var command = connection.Command("SELECT id, name, query, webhook, created, matched_through FROM saved_searches ORDER BY created, id");
        using var reader = command.ExecuteReader();
        var searches = new List<SavedSearch>();
        while (reader.Read())
            searches.Add(ReadSearch(reader));
        return searches;
    }

    public SavedSearch? Find(string id)
    {
        using var connection = database.OpenReader();
        using var command = connection.Command("SELECT id, name, query, webhook, created, matched_through FROM saved_searches WHERE id = @id").With("@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSearch(reader) : null;
    }

    public SavedSearchState State(SavedSearch search)
    {
        using var connection = database.OpenReader();
        using var command = connection.Command("""
            SELECT COUNT(*) - COUNT(delivered), COUNT(delivered), MAX(delivered),
                   MIN(CASE WHEN delivered IS NULL THEN next_attempt END),
                   (SELECT last_error FROM alerts WHERE search_id = @id AND delivered IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1)
            FROM alerts WHERE search_id = @id
            """).With("@id", search.Id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SavedSearchState(search,
            reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
            reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    /// <summary>Alerts of every saved search not delivered yet.</summary>
    public long PendingCount()
    {
        using var connection = database.OpenReader();
        using var command = connection.Command("SELECT COUNT(*) FROM alerts WHERE delivered IS NULL");
        return command.ScalarInt64();
    }

    /// <summary>
    /// Records a round of matching in one transaction: each saved search's alerts (for those with a webhook
    /// and new matches, the ids of their documents, described when first sent) and the sequence it is now
    /// matched through. A saved search removed meanwhile gets none; one created meanwhile (matched through
    /// a later sequence already) is left as it is.
    /// </summary>
    public void RecordRound(IReadOnlyList<(SavedSearch Search, IReadOnlyList<IReadOnlyList<string>> Alerts)> matched, long through) =>
        database.Write(sequenced: false, write =>
        {
            using var advance = write.Command("UPDATE saved_searches SET matched_through = @through WHERE id = @id AND matched_through < @through")
                .With("@through", through);
            var advanceId = advance.Parameter("@id", DbType.String);
            using var insert = write.Command("""
                INSERT INTO alerts (search_id, idem_key, documents, ids, created, next_attempt)
                SELECT @search, @key, '', @ids, @now, @now WHERE EXISTS (SELECT 1 FROM saved_searches WHERE id = @search)
                ON CONFLICT (idem_key) DO NOTHING
                """).With("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var search = insert.Parameter("@search", DbType.String);
            var key = insert.Parameter("@key", DbType.String);
            var ids = insert.Parameter("@ids", DbType.String);
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
            return true;
        });

    /// <summary>Alerts due by <paramref name="now"/>, the oldest first, with where they go and, for one never sent, the ids it is to describe.</summary>
    public IReadOnlyList<DueAlert> Due(DateTimeOffset now, int limit)
    {
        using var connection = database.OpenReader();
        using var command = connection.Command("""
            SELECT a.id, a.search_id, s.name, s.webhook, a.idem_key, a.documents, a.attempts, a.created, s.query, a.ids
            FROM alerts a JOIN saved_searches s ON s.id = a.search_id
            WHERE a.delivered IS NULL AND a.next_attempt <= @now AND s.webhook IS NOT NULL
            ORDER BY a.next_attempt, a.id LIMIT @limit
            """).With("@now", now.ToUnixTimeMilliseconds()).With("@limit", limit);
        using var reader = command.ExecuteReader();
        var due = new List<DueAlert>();
        while (reader.Read())
            due.Add(new DueAlert(
                new PendingAlert(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), new Uri(reader.GetString(3)),
                    reader.GetString(4), reader.GetString(5), checked((int)reader.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))),
                JsonSerializer.Deserialize<SavedQuery>(reader.GetString(8), Json)!,
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<List<string>>(reader.GetString(9), Json)));
        return due;
    }

    /// <summary>Keeps what an alert says, so that every later attempt sends the same body under its key.</summary>
    public void Describe(long alert, string documents) =>
        Update("UPDATE alerts SET documents = @documents, ids = NULL WHERE id = @id", alert, command => command.With("@documents", documents));

    /// <summary>Removes an alert with nothing left to tell (its documents were deleted before it was sent).</summary>
    public void Drop(long alert) => Update("DELETE FROM alerts WHERE id = @id", alert, _ => { });

    public void Delivered(long alert) => Update("UPDATE alerts SET delivered = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id",
        alert, command => command.With("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public void Failed(long alert, string error, DateTimeOffset nextAttempt) =>
        Update("UPDATE alerts SET attempts = attempts + 1, last_error = @error, next_attempt = @next WHERE id = @id",
            alert, command => command.With("@error", error).With("@next", nextAttempt.ToUnixTimeMilliseconds()));

    private void Update(string sql, long id, Action<DbCommand> values) => database.Write(sequenced: false, write =>
    {
        using var command = write.Command(sql).With("@id", id);
        values(command);
        return command.ExecuteNonQuery();
    });

    private static SavedSearch ReadSearch(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        JsonSerializer.Deserialize<SavedQuery>(reader.GetString(2), Json)!,
        reader.IsDBNull(3) ? null : new Uri(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.GetInt64(5));
}
