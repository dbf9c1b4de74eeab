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
/// saved query costs a few advances a round; rounds run after indexing, never inside it.
/// </summary>
internal sealed partial class SavedSearchMatcher(DocumentArchive archive, FollowingStore store, SavedSearchMatcher.MatchAll match, ILogger logger)
{
    /// <summary>Runs each request against the documents, reporting each request's hits (by its index) and each unreadable one.</summary>
    public delegate void MatchAll(IReadOnlyList<SearchRequest> requests, IReadOnlyCollection<string> ids,
        Action<int, IReadOnlyList<Hit>> found, Action<int, QuerySyntaxException> unreadable);

    /// <summary>Documents matched in one round at most: bounds a round's memory after a long outage or a bulk load.</summary>
    public const int RoundLimit = 2_000;

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

        var round = new List<(SavedSearch, IReadOnlyList<IReadOnlyList<AlertDocument>>)>(behind.Count);
        var matches = 0;
        // Saved searches matched through the same sequence look at the same documents: one filter for them all.
        foreach (var group in behind.GroupBy(s => s.MatchedThrough))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var searches = group.ToList();
            var ids = changed.Where(c => c.Sequence > group.Key && c.Sequence <= through).Select(c => c.Id).ToList();
            var found = new IReadOnlyList<Hit>[searches.Count];
            // Every copy is news to someone following: a story is not collapsed in an alert.
            match(searches.Select(s => s.Query.ToRequest() with { Collapse = false }).ToList(), ids,
                (i, hits) => found[i] = hits,
                (i, error) => LogUnreadable(error, searches[i].Id));
            var urls = found.Any(f => f is { Count: > 0 })
                ? archive.GetMany(found.Where(f => f is not null).SelectMany(f => f.Select(h => h.Id)).Distinct().ToList())
                : [];
            for (var i = 0; i < searches.Count; i++)
            {
                var hits = found[i] ?? [];
                matches += hits.Count;
                var documents = hits.Select(hit => new AlertDocument(hit.Id, hit.Title,
                    hit.Date?.ToString(DocumentRecord.IsoDateFormat, System.Globalization.CultureInfo.InvariantCulture), hit.Source,
                    urls.TryGetValue(hit.Id, out var held) ? held.Document.Url : null, PlainText.OfSnippet(hit.Snippet))).ToList();
                round.Add((searches[i], documents.Chunk(AlertSize).ToList()));
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
