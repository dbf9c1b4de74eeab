using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Snippets;

namespace Search.Core.Searching;

/// <summary>
/// Answers searches against the current index: parses the user's text, filters by date and
/// source, collects the page's hits and the facets of every match in one pass, and builds the
/// snippets of the page's hits.
/// </summary>
public sealed class SearchService(SearchIndex index)
{
    private readonly LuceneQueryBuilder _queries = new(index.Analyzer);
    private readonly SnippetBuilder _snippets = new(index.Analyzer);

    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SearchResult Search(SearchRequest request)
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
        var top = TopFieldCollector.Create(SortFor(sort), Math.Max(1, wanted), AfterFor(request.After),
            fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var collector = new FacetCollector(top);
        searcher.Search(query, collector);

        var page = top.GetTopDocs(start, request.Size).ScoreDocs;
        var hits = new List<Hit>(page.Length);
        foreach (var scoreDoc in page)
        {
            var document = LuceneDocumentMapper.FromLucene(request.Snippets ? searcher.Doc(scoreDoc.Doc) : searcher.Doc(scoreDoc.Doc, HitFields));
            var score = float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score;
            hits.Add(new Hit(document.Id, document.Title, document.Date, document.Source, score,
                request.Snippets ? _snippets.Build(document.Body, compiled.HighlightTerms) : ""));
        }
        var next = page.Length == request.Size && top.TotalHits > start + page.Length
            ? CursorOf(sort, (FieldDoc)page[^1], hits[^1].Id)
            : null;

        var sources = collector.Sources
            .Where(s => s.Key.Length > 0)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Bucket(s.Key, s.Value))
            .ToList();
        var facets = new Facets(DateBuckets.Fold(collector.Days, request.Interval), sources, collector.Undated);
        return new SearchResult(collector.Total, hits, facets, next);
    }

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

    /// <summary>What a hit shows without a snippet: the body, by far the largest stored field, stays unread.</summary>
    private static readonly ISet<string> HitFields = new HashSet<string> { IndexFields.Id, IndexFields.Title, IndexFields.Date, IndexFields.Source };

    /// <summary>Every order ends on the document id, so that it is total and a cursor can resume it exactly.</summary>
    private static Sort SortFor(SortOrder sort) => sort switch
    {
        SortOrder.Relevance => new Sort(SortField.FIELD_SCORE, ById),
        _ => new Sort(ByDate(newestFirst: sort == SortOrder.Newest), ById),
    };

    private static readonly SortField ById = new(IndexFields.Id, SortFieldType.STRING);

    /// <summary>Sorts by date either way, with undated documents last in both orders.</summary>
    private static SortField ByDate(bool newestFirst)
    {
        var byDate = new SortField(IndexFields.Date, SortFieldType.INT32, reverse: newestFirst);
        byDate.SetMissingValue(J2N.Numerics.Int32.GetInstance(newestFirst ? int.MinValue : int.MaxValue));
        return byDate;
    }

    private static FieldDoc? AfterFor(SearchCursor? cursor) => cursor switch
    {
        null => null,
        { Sort: SortOrder.Relevance } => new FieldDoc(int.MaxValue, (float)cursor.Key,
            [J2N.Numerics.Single.GetInstance((float)cursor.Key), new Lucene.Net.Util.BytesRef(cursor.Id)]),
        _ => new FieldDoc(int.MaxValue, float.NaN, [J2N.Numerics.Int32.GetInstance((int)cursor.Key), new Lucene.Net.Util.BytesRef(cursor.Id)]),
    };

    private static SearchCursor CursorOf(SortOrder sort, FieldDoc last, string id) =>
        new(sort, Convert.ToDouble(last.Fields[0], System.Globalization.CultureInfo.InvariantCulture), id);
}
