using Microsoft.Extensions.Logging;
using Search.Core.Archive;
using Search.Core.Retrieval;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Following;

/// <summary>
/// Tells saved searches of the documents indexed since they were last matched, as a percolator does:
/// each round takes the documents that became searchable after the least advanced saved search, and
/// runs every saved search's own query, restricted to those documents, through the search's own query
/// building and filters (<see cref="SearchService.MatchEach"/>): a document matches exactly when the
/// saved search would find it, with the same analysis, filters, speakers and languages, and nothing of
/// the index's mapping is written twice. The new documents lead each query (filter first), so a broad
/// saved query costs a few advances a round; rounds run after indexing, never inside it. A round writes
/// the matched ids into the outbox; what an alert says of them is read when it is first sent
/// (<see cref="AlertWriter"/>).
/// </summary>
internal sealed partial class SavedSearchMatcher(DocumentArchive archive, FollowingStore store, SavedSearchMatcher.MatchAll match, ILogger logger)
{
    /// <summary>Runs each request against the documents, reporting the ids each request matches (by its index) and each unreadable one.</summary>
    public delegate void MatchAll(IReadOnlyList<SearchRequest> requests, IReadOnlyCollection<string> ids,
        Action<int, IReadOnlyList<string>> found, Action<int, QuerySyntaxException> unreadable);

    /// <summary>
    /// Documents matched in one round at most: bounds a round's memory after a long outage or a bulk load
    /// (ids and matches, a few megabytes). A round's cost is mostly per saved search (its query's weights
    /// over the new segments), so larger rounds cost less a document: 300 broad saved searches took 11-13%
    /// of ingest's time matched every 1,000 documents, 10-12% every 2,000 and 7-9% every 5,000
    /// (Search.Bench alerts, docs/performance.md).
    /// </summary>
    public const int RoundLimit = 5_000;

    /// <summary>Documents one alert carries at most; more are sent as several alerts.</summary>
    public const int AlertSize = 100;

    /// <summary>Matches the saved searches against what is searchable through <paramref name="visible"/>; returns how many documents were looked at (0: nothing to do).</summary>
    public int Round(long visible, CancellationToken cancellationToken)
    {
        var behind = store.List().Where(s => s.MatchedThrough < visible).ToList();
        if (behind.Count == 0)
            return 0;
        var after = behind.Min(s => s.MatchedThrough);
        var changed = archive.IdsBetween(after, visible, RoundLimit);
        var through = changed.Count == RoundLimit ? changed[^1].Sequence : visible;

        // A saved search without a webhook has its feed only, which is a search: it is moved on, not matched.
        var round = behind.Where(s => s.Webhook is null)
            .Select(s => (s, (IReadOnlyList<IReadOnlyList<string>>)[])).ToList();
        var matches = 0;
        // Saved searches matched through the same sequence look at the same documents: one filter for them all.
        foreach (var group in behind.Where(s => s.Webhook is not null).GroupBy(s => s.MatchedThrough))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var searches = group.ToList();
            var ids = changed.Where(c => c.Sequence > group.Key && c.Sequence <= through).Select(c => c.Id).ToList();
            var found = new IReadOnlyList<string>[searches.Count];
            // Every copy is news to someone following: a story is not collapsed in an alert.
            match(searches.Select(s => s.Query.ToRequest() with { Collapse = false }).ToList(), ids,
                (i, hits) => found[i] = hits,
                (i, error) => LogUnreadable(error, searches[i].Id));
            for (var i = 0; i < searches.Count; i++)
            {
                var hits = found[i] ?? [];
                matches += hits.Count;
                round.Add((searches[i], hits.Chunk(AlertSize).ToList()));
            }
        }
        store.RecordRound(round, through);
        LogRound(changed.Count, behind.Count, matches, through);
        return Math.Max(1, changed.Count);
    }

    [LoggerMessage(LogLevel.Debug, "Matched {Documents} new documents against {Searches} saved searches: {Matches} matches; matched through sequence {Through}")]
    private partial void LogRound(int documents, int searches, int matches, long through);

    [LoggerMessage(LogLevel.Warning, "Saved search {SearchId} cannot be read any more; it matches nothing")]
    private partial void LogUnreadable(Exception error, string searchId);
}
