using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Quotes;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.InQuotes;

namespace Search.Core.Retrieval;

/// <summary>
/// A query's way through: parses the user's text, analyses it as documents are analysed (once for each
/// language the generation holds, or for the one asked for), filters by date, source and language,
/// collects the page's hits and the facets of every match in one pass over a generation's searcher, and
/// builds the snippets of the page's hits.
/// </summary>
internal sealed class SearchService(Analyzer analyzer, RankingOptions? ranking = null)
{
    private readonly LuceneQueryBuilder _queries = new(analyzer, ranking);
    private readonly SnippetBuilder _snippets = new(analyzer);

    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SearchResult Search(SearchIndex index, SearchRequest request)
    {
        var userQuery = UserQueryParser.Parse(request.Text);
        using var lease = index.AcquireSearcher();
        var searcher = Through(lease.Searcher, request);
        var (compiled, query) = Filtered(searcher, userQuery, request);
        if (query is null)
            return new SearchResult(0, [], new Facets([], [], 0, []));

        var sort = request.Sort ?? (userQuery.IsEmpty ? SortOrder.Newest : SortOrder.Relevance);
        if (request.After is { } after && after.Sort != sort)
            throw new ArgumentException($"The cursor continues a search sorted by {after.Sort.ToString().ToLowerInvariant()}, not by {sort.ToString().ToLowerInvariant()}.");
        var start = request.After is null ? (request.Page - 1) * request.Size : 0;
        var wanted = Math.Min(start + request.Size, SearchRequest.MaxWindow);

        var (hits, next, collector) = request.Collapse ? RankStories(searcher, query, request, sort, wanted, start, compiled.HighlightTerms)
            : sort == SortOrder.Relevance ? RankByScore(searcher, query, request, wanted, start, compiled.HighlightTerms)
            : RankByDate(searcher, query, request, sort, wanted, start, compiled.HighlightTerms);
        var facets = new Facets(DateBuckets.Ordered(collector.Dates, request.Interval), LargestFirst(collector.Sources), collector.Undated,
            LargestFirst(collector.Languages)) { Speakers = collector.TopSpeakers(Facets.MaxSpeakers) };
        return new SearchResult(collector.Total, hits, facets, next) { Stories = request.Collapse ? collector.Stories : null };
    }

    /// <summary>
    /// Which of the documents <paramref name="ids"/> each request matches, as its search would find them
    /// (same query, analysis and filters; every copy of a story), reported by id: how saved searches are
    /// told of new documents. Two steps keep a request cheap: its query is first run over the few segments
    /// that hold new documents alone (a small index: a rare word's spelling expansions walk its small term
    /// dictionary), which finds every document the search could match and usually none; only when there are
    /// candidates is the query rewritten against the whole index (which words it knows, which spellings it
    /// expands to), and run over the new documents again if that changed it, so what is reported is exactly
    /// what the search finds. Nothing is read of the documents here: their titles and snippets are read
    /// when an alert is sent (<see cref="Describe"/>), since one document matched by several saved searches
    /// would be read once for each, and reading stored bodies was three quarters of matching's time.
    /// </summary>
    public void MatchEach(SearchIndex index, IReadOnlyList<SearchRequest> requests, IReadOnlyCollection<string> ids,
        Action<int, IReadOnlyList<string>> found, Action<int, QuerySyntaxException> unreadable)
    {
        if (ids.Count == 0 || requests.Count == 0)
            return;
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var only = new CachingWrapperFilter(new Lucene.Net.Queries.TermsFilter(ids.Select(id => new Lucene.Net.Index.Term(IndexFields.Id, id)).ToArray()));
        var fresh = searcher.IndexReader.Leaves
            .Where(leaf => only.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator() is { } news && news.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            .ToList();
        if (fresh.Count == 0)
            return;
        using var freshReader = new Lucene.Net.Index.MultiReader(fresh.Select(leaf => (Lucene.Net.Index.IndexReader)leaf.AtomicReader).ToArray(), closeSubReaders: false);
        var freshSearcher = new IndexSearcher(freshReader) { Similarity = searcher.Similarity };

        for (var i = 0; i < requests.Count; i++)
        {
            Query? query;
            var (whole, news) = (Through(searcher, requests[i]), Through(freshSearcher, requests[i]));
            try
            {
                // Compiled against the whole index: its languages, its speakers.
                (_, query) = Filtered(whole, UserQueryParser.Parse(requests[i].Text), requests[i]);
            }
            catch (QuerySyntaxException e)
            {
                unreadable(i, e);
                continue;
            }
            if (query is null)
                continue;
            // Rewritten against the whole index (a word known there is not expanded to its spellings, and an
            // expansion takes the whole index's nearest terms), then run over the new documents alone.
            var exact = whole.Rewrite(query);
            var docs = new List<int>();
            news.Search(new FilteredQuery(exact, only, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), new DocNumbers(docs));
            if (docs.Count == 0)
                continue;
            docs.Sort();
            found(i, docs.Select(doc => HitReader.IdOf(freshSearcher, doc)).ToList());
        }
    }

    /// <summary>
    /// The documents <paramref name="ids"/> as hits of each request, with the snippet its search would show
    /// (in the order given; a document gone since is left out): what an alert tells of. Each document is
    /// read once, however many requests name it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Hit>> Describe(SearchIndex index, IReadOnlyList<(SearchRequest Request, IReadOnlyList<string> Ids)> wanted)
    {
        using var lease = index.AcquireSearcher();
        var searcher = lease.Searcher;
        var all = wanted.SelectMany(w => w.Ids).Distinct().ToList();
        var docs = new List<int>();
        if (all.Count > 0)
            searcher.Search(new ConstantScoreQuery(new Lucene.Net.Queries.TermsFilter(all.Select(id => new Lucene.Net.Index.Term(IndexFields.Id, id)).ToArray())), new DocNumbers(docs));
        var docOf = docs.ToDictionary(doc => HitReader.IdOf(searcher, doc));
        var stored = new Dictionary<int, StoredHit>();
        return wanted.Select(w =>
        {
            IReadOnlySet<string> highlight;
            try
            {
                highlight = Compile(searcher, UserQueryParser.Parse(w.Request.Text), w.Request).HighlightTerms;
            }
            catch (QuerySyntaxException)
            {
                // Matched when it could be read: its documents are told of without marks.
                highlight = new HashSet<string>();
            }
            var shown = w.Ids.Where(docOf.ContainsKey).Select(id => docOf[id]).ToList();
            var matches = IndexedMatches.FindEach(searcher, shown, highlight);
            return (IReadOnlyList<Hit>)shown.Select((doc, i) =>
            {
                if (!stored.TryGetValue(doc, out var document))
                    stored[doc] = document = HitReader.Read(searcher, doc);
                return HitReader.WithSnippet(document, 0, (body, lang, quotes) => Snippet(body, lang, quotes, highlight, () => matches[i]));
            }).ToList();
        }).ToList();
    }

    /// <summary>The searcher a request reads: with <c>in=quotes</c>, the view holding the quotations' words (<see cref="QuotedReader"/>).</summary>
    private static IndexSearcher Through(IndexSearcher searcher, SearchRequest request) =>
        request.InQuotes ? QuotedReader.Searcher(searcher) : searcher;

    /// <summary>Collects the numbers of the matching documents, nothing else.</summary>
    private sealed class DocNumbers(List<int> docs) : ICollector
    {
        private int _base;

        public bool AcceptsDocsOutOfOrder => true;

        public void Collect(int doc) => docs.Add(_base + doc);

        public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context) => _base = context.DocBase;

        public void SetScorer(Scorer scorer)
        {
        }
    }

    /// <summary>The speakers quoted in the documents a search matches (its text and filters; order and page play no part).</summary>
    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SpeakerListing Speakers(SearchIndex index, SearchRequest request, int size)
    {
        using var lease = index.AcquireSearcher();
        var searcher = Through(lease.Searcher, request);
        var (_, query) = Filtered(searcher, UserQueryParser.Parse(request.Text), request);
        return query is null ? new SpeakerListing(0, []) : SpeakerQueries.List(searcher, query, size);
    }

    /// <summary>
    /// The request's text compiled (in its languages' fields, or the quotations' with <c>in=quotes</c>) and
    /// kept to its filters; a null query when the text has words but none that can match.
    /// </summary>
    private (CompiledQuery Compiled, Query? Query) Filtered(IndexSearcher searcher, UserQuery userQuery, SearchRequest request)
    {
        var compiled = Compile(searcher, userQuery, request);
        if (!userQuery.IsEmpty && compiled.Query is null)
            return (compiled, null);
        var query = WithFilters(compiled.Query ?? new MatchAllDocsQuery(), request);
        if (!string.IsNullOrWhiteSpace(request.Speaker))
            query = SpeakerQueries.Filter(searcher, query, request.Speaker);
        return (compiled, query);
    }

    /// <summary>The request's words as queries of the languages searched, with the terms its snippets mark.</summary>
    private CompiledQuery Compile(IndexSearcher searcher, UserQuery userQuery, SearchRequest request) =>
        // Quotations are found in Arabic bodies only (QuoteFields), so they are searched as Arabic.
        request.InQuotes
            ? _queries.Build(userQuery, [LanguageAnalyses.Arabic], QuoteFields.Text)
            : _queries.Build(userQuery, LanguagesToSearch(searcher, request.Lang));

    /// <summary>
    /// Each story once, as its best matching copy, in the search's order; pages and cursors never show a
    /// story twice (a cursor's page first finds the stories shown before it, <see cref="ShownStoriesCollector"/>).
    /// </summary>
    private (List<Hit> Hits, SearchCursor? Next, FacetCollector Facets) RankStories(
        IndexSearcher searcher, Query query, SearchRequest request, SortOrder sort, int wanted, int start, IReadOnlySet<string> highlight)
    {
        HashSet<long>? shown = null;
        if (request.After is { } after)
        {
            var earlier = new ShownStoriesCollector(sort, after);
            searcher.Search(query, earlier);
            shown = earlier.Shown;
        }
        var top = new TopStoriesCollector(Math.Max(1, wanted), sort, request.After, shown);
        var collector = new FacetCollector(top, request.Interval, countStories: true);
        searcher.Search(query, collector);
        var page = top.Top().Skip(start).Take(request.Size).ToList();
        var hits = ToHits(searcher, [.. page.Select(entry => (entry.Doc, entry.Score))], request.Snippets, highlight)
            .Select((hit, i) => hit with { Story = page[i].Story > 0 ? StoryReader.Summarize(searcher, page[i].Story) : null })
            .ToList();
        var remaining = collector.Stories - (shown?.Count ?? 0);
        var next = page.Count == request.Size && remaining > start + page.Count
            ? new SearchCursor(sort, StoryOrder.CursorKey(sort, page[^1].Value), page[^1].Id)
            : null;
        return (hits, next, collector);
    }

    /// <summary>A keyword facet's buckets, largest first, ties by value; documents without one are not a bucket.</summary>
    private static List<Bucket> LargestFirst(IReadOnlyDictionary<string, long> counts) => counts
        .Where(c => c.Key.Length > 0)
        .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => new Bucket(c.Key, c.Value))
        .ToList();

    /// <summary>
    /// The analyses a query goes through: the asked language's, else one for each language the generation
    /// holds (an archive of Arabic alone pays for one analysis, as before languages were indexed).
    /// </summary>
    private static IReadOnlyList<LanguageAnalysis> LanguagesToSearch(IndexSearcher searcher, string? lang)
    {
        if (lang is not null)
            return [LanguageAnalyses.For(lang)];
        var held = searcher.IndexReader.Leaves.SelectMany(leaf => SegmentValues.For(leaf.AtomicReader).Languages.Values);
        return LanguageAnalyses.ForQuery(held) is { Count: > 0 } analyses ? analyses : [LanguageAnalyses.Arabic];
    }

    private (List<Hit> Hits, SearchCursor? Next, FacetCollector Facets) RankByScore(
        IndexSearcher searcher, Query query, SearchRequest request, int wanted, int start, IReadOnlySet<string> highlight)
    {
        var after = request.After;
        var top = new TopByScoreCollector(Math.Max(1, wanted), after);
        var collector = new FacetCollector(top, request.Interval);
        searcher.Search(query, collector);
        var page = top.Top().Skip(start).Take(request.Size).ToList();
        var hits = ToHits(searcher, [.. page.Select(entry => (entry.Doc, entry.Score))], request.Snippets, highlight);
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
        var collector = new FacetCollector(top, request.Interval);
        searcher.Search(query, collector);
        var page = top.GetTopDocs(start, request.Size).ScoreDocs;
        var hits = ToHits(searcher, [.. page.Select(scoreDoc => (scoreDoc.Doc, float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score))], request.Snippets, highlight);
        var next = page.Length == request.Size && top.TotalHits > start + page.Length
            ? new SearchCursor(sort, Convert.ToDouble(((FieldDoc)page[^1]).Fields[0], System.Globalization.CultureInfo.InvariantCulture), hits[^1].Id)
            : null;
        return (hits, next, collector);
    }

    /// <summary>
    /// A page's hits, in its order. With snippets, the page's matches are read from the index together
    /// (<see cref="IndexedMatches.FindEach"/>): each term is sought once a segment for the whole page, with
    /// nothing kept after the search for the collector to trace.
    /// </summary>
    private List<Hit> ToHits(IndexSearcher searcher, IReadOnlyList<(int Doc, float Score)> page, bool snippets, IReadOnlySet<string> highlight)
    {
        if (!snippets)
            return [.. page.Select(hit => HitReader.WithoutSnippet(searcher, hit.Doc, hit.Score))];
        var matches = IndexedMatches.FindEach(searcher, [.. page.Select(hit => hit.Doc)], highlight);
        return [.. page.Select((hit, i) => HitReader.WithSnippet(searcher, hit.Doc, hit.Score, (body, lang, quotes) => Snippet(body, lang, quotes, highlight, () => matches[i])))];
    }

    /// <summary>A body's snippet: from the matches' indexed offsets where the body is indexed with them (<paramref name="indexed"/>), else by analysing it.</summary>
    private string Snippet(ReadOnlySpan<char> body, string? lang, IReadOnlyList<Quotation> quotes, IReadOnlySet<string> highlight, Func<List<SnippetMatch>?> indexed) =>
        LanguageAnalyses.For(lang).BodyField is var field && field == IndexFields.Body && indexed() is { } matches
            ? _snippets.Build(body, matches, quotes)
            : _snippets.Build(new string(body), highlight, field, quotes);

    /// <summary>
    /// Each text whole, HTML-escaped, with the query's matches marked as in snippets (line breaks
    /// kept), so a document can be shown with the words that made it match.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query cannot be read.</exception>
    public IReadOnlyList<string> MarkAll(string? query, string? lang, IReadOnlyList<string> texts)
    {
        var analysis = LanguageAnalyses.For(lang);
        var terms = _queries.Build(UserQueryParser.Parse(query), [analysis]).HighlightTerms;
        return texts.Select(text => _snippets.MarkAll(text, terms, analysis.BodyField)).ToList();
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
        if (!string.IsNullOrEmpty(request.Lang))
            query = new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Lucene.Net.Index.Term(IndexFields.Lang, request.Lang))));
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
