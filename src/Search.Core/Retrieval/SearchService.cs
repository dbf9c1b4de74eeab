using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;
using Search.Core.Retrieval.Collecting;

namespace Search.Core.Retrieval;

/// <summary>
/// A query's way through: parses the user's text, analyses it as documents are analysed, filters by
/// date and source, collects the page's hits and the facets of every match in one pass over a
/// generation's searcher, and builds the snippets of the page's hits.
/// </summary>
internal sealed class SearchService(Analyzer analyzer)
{
    private readonly LuceneQueryBuilder _queries = new(analyzer);
    private readonly SnippetBuilder _snippets = new(analyzer);

    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SearchResult Search(SearchIndex index, SearchRequest request)
    {
        var userQuery = UserQueryParser.Parse(request.Text);
        var compiled = _queries.Build(userQuery);
        if (!userQuery.IsEmpty && compiled.Query is null)
            return new SearchResult(0, [], new Facets([], [], 0));

        var query = WithFilters(compiled.Query ?? new MatchAllDocsQuery(), request);
        var sort = request.Sort ?? (userQuery.IsEmpty ? SortOrder.Newest : SortOrder.Relevance);
        if (request.After is { } after && after.Sort != sort)
            throw new ArgumentException($"The cursor continues a search sorted by {after.Sort.ToString().ToLowerInvariant()}, not by {sort.ToString().ToLowerInvariant()}.");
        var start = request.After is null ? (request.Page - 1) * request.Size : 0;
        var wanted = Math.Min(start + request.Size, SearchRequest.MaxWindow);

        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var (hits, next, collector) = sort == SortOrder.Relevance
            ? RankByScore(searcher, query, request, wanted, start, compiled.HighlightTerms)
            : RankByDate(searcher, query, request, sort, wanted, start, compiled.HighlightTerms);
        var sources = collector.Sources
            .Where(s => s.Key.Length > 0)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Bucket(s.Key, s.Value))
            .ToList();
        var facets = new Facets(DateBuckets.Fold(collector.Days, request.Interval), sources, collector.Undated);
        return new SearchResult(collector.Total, hits, facets, next);
    }

    private (List<Hit> Hits, SearchCursor? Next, FacetCollector Facets) RankByScore(
        IndexSearcher searcher, Query query, SearchRequest request, int wanted, int start, IReadOnlySet<string> highlight)
    {
        var after = request.After;
        var top = new TopByScoreCollector(Math.Max(1, wanted), after is null ? null : (float)after.Key, after?.Id);
        var collector = new FacetCollector(top);
        searcher.Search(query, collector);
        var page = top.Top().Skip(start).Take(request.Size).ToList();
        var hits = page.Select(entry => ToHit(searcher, entry.Doc, entry.Score, request.Snippets, highlight)).ToList();
        var next = page.Count == request.Size && top.TotalHits > start + page.Count
            ? new SearchCursor(SortOrder.Relevance, page[^1].Score, page[^1].Id)
            : null;
        return (hits, next, collector);
    }

    private (List<Hit> Hits, SearchCursor? Next, FacetCollector Facets) RankByDate(
        IndexSearcher searcher, Query query, SearchRequest request, SortOrder sort, int wanted, int start, IReadOnlySet<string> highlight)
    {
        var top = TopFieldCollector.Create(new Sort(DateSort(newestFirst: sort == SortOrder.Newest), ById), Math.Max(1, wanted), AfterDate(request.After),
            fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var collector = new FacetCollector(top);
        searcher.Search(query, collector);
        var page = top.GetTopDocs(start, request.Size).ScoreDocs;
        var hits = page.Select(scoreDoc => ToHit(searcher, scoreDoc.Doc, float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score, request.Snippets, highlight)).ToList();
        var next = page.Length == request.Size && top.TotalHits > start + page.Length
            ? new SearchCursor(sort, Convert.ToDouble(((FieldDoc)page[^1]).Fields[0], System.Globalization.CultureInfo.InvariantCulture), hits[^1].Id)
            : null;
        return (hits, next, collector);
    }

    private Hit ToHit(IndexSearcher searcher, int doc, float score, bool snippets, IReadOnlySet<string> highlight) => snippets
        ? HitReader.WithSnippet(searcher, doc, score, body => IndexedMatches.Find(searcher, doc, highlight) is { } matches
            ? _snippets.Build(body, matches)
            : _snippets.Build(body, highlight))
        : HitReader.WithoutSnippet(searcher, doc, score);

    /// <summary>
    /// Each text whole, HTML-escaped, with the query's matches marked as in snippets (line breaks
    /// kept), so a document can be shown with the words that made it match.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query cannot be read.</exception>
    public IReadOnlyList<string> MarkAll(string? query, IReadOnlyList<string> texts)
    {
        var terms = _queries.Build(UserQueryParser.Parse(query)).HighlightTerms;
        return texts.Select(text => _snippets.MarkAll(text, terms)).ToList();
    }

    private static Query WithFilters(Query query, SearchRequest request)
    {
        if (request.From is not null || request.To is not null)
        {
            var range = NumericRangeFilter.NewInt32Range(IndexFields.Date,
                request.From?.DayNumber, request.To?.DayNumber, minInclusive: true, maxInclusive: true);
            query = new FilteredQuery(query, range);
        }
        if (!string.IsNullOrEmpty(request.Source))
            query = new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Lucene.Net.Index.Term(IndexFields.Source, request.Source))));
        return query;
    }

    /// <summary>Date orders end on the document id (relevance does too, in <see cref="TopByScoreCollector"/>), so that a cursor can resume them exactly.</summary>
    private static readonly SortField ById = new(IndexFields.Id, SortFieldType.STRING);

    /// <summary>Sorts by date either way, with undated documents last in both orders.</summary>
    private static SortField DateSort(bool newestFirst)
    {
        var byDate = new SortField(IndexFields.Date, SortFieldType.INT32, reverse: newestFirst);
        byDate.SetMissingValue(J2N.Numerics.Int32.GetInstance(newestFirst ? int.MinValue : int.MaxValue));
        return byDate;
    }

    private static FieldDoc? AfterDate(SearchCursor? cursor) => cursor is null
        ? null
        : new FieldDoc(int.MaxValue, float.NaN, [J2N.Numerics.Int32.GetInstance((int)cursor.Key), new Lucene.Net.Util.BytesRef(cursor.Id)]);
}
