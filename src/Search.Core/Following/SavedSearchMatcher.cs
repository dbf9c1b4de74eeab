using Microsoft.Extensions.Logging;
using Search.Core.Archive;
using Search.Core.Retrieval;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Core.Following;

/// <summary>
/// Tells saved searches of the documents indexed since they were last matched, as a percolator does:
/// each round takes the documents that became searchable after the least advanced saved search, and
/// runs every saved search's own query, restricted to those documents, through the one search path
/// (<see cref="SearchRequest.OnlyIds"/>): a document matches exactly when the saved search would
/// find it, with the same analysis, filters, speakers and languages, and nothing of the index's
/// mapping is written twice. The documents lead the query (filter first), so a broad saved query
/// costs a few advances per round, and rounds run after indexing, never inside it.
/// </summary>
internal sealed partial class SavedSearchMatcher(DocumentArchive archive, FollowingStore store, Func<SearchRequest, SearchResult> search, ILogger logger)
{
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
        var matchedDocuments = 0;
        foreach (var saved in behind)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = changed.Where(c => c.Sequence > saved.MatchedThrough && c.Sequence <= through).Select(c => c.Id).ToList();
            IReadOnlyList<IReadOnlyList<AlertDocument>> alerts = [];
            if (ids.Count > 0)
            {
                var found = Match(saved, ids);
                matchedDocuments += found.Count;
                alerts = found.Chunk(AlertSize).ToList();
            }
            round.Add((saved, alerts));
        }
        store.RecordRound(round, through);
        LogRound(changed.Count, behind.Count, matchedDocuments, through);
        return Math.Max(1, changed.Count);
    }

    private List<AlertDocument> Match(SavedSearch saved, IReadOnlyList<string> ids)
    {
        // Every copy is news to someone following: a story is not collapsed in an alert.
        var request = saved.Query.ToRequest() with { Sort = SortOrder.Oldest, Size = ids.Count, Collapse = false, OnlyIds = ids };
        SearchResult result;
        try
        {
            result = search(request);
        }
        catch (QuerySyntaxException e)
        {
            // Checked when it was saved; an analysis changed since cannot stop the other saved searches.
            LogUnreadable(e, saved.Id);
            return [];
        }
        if (result.Hits.Count == 0)
            return [];
        var stored = archive.GetMany(result.Hits.Select(h => h.Id).ToList());
        return result.Hits.Select(hit => new AlertDocument(hit.Id, hit.Title, hit.Date?.ToString(DocumentRecord.IsoDateFormat, System.Globalization.CultureInfo.InvariantCulture),
            hit.Source, stored.TryGetValue(hit.Id, out var document) ? document.Document.Url : null, PlainText.OfSnippet(hit.Snippet))).ToList();
    }

    [LoggerMessage(LogLevel.Debug, "Matched {Documents} new documents against {Searches} saved searches: {Matches} matches; matched through sequence {Through}")]
    private partial void LogRound(int documents, int searches, int matches, long through);

    [LoggerMessage(LogLevel.Warning, "Saved search {SearchId} cannot be read any more; it matches nothing")]
    private partial void LogUnreadable(Exception error, string searchId);
}
