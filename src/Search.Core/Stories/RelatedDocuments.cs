using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Index.Storage;

namespace Search.Core.Stories;

/// <summary>A document related to another: a copy of its story (score: the share of the smaller text found in the other), or a document on the same subject (score: Lucene's).</summary>
internal sealed record RelatedDocument(string Id, bool SameStory, float Score);

/// <summary>
/// <c>GET /api/documents/{id}/related</c>, the engine side: the other copies of the document's story
/// first, closest copies first, then documents on the same subject, found by Lucene's
/// <see cref="MoreLikeThis"/> over title and body with the search analyzer (the document's most
/// distinctive words, weighed by tf-idf, as one query); never the document itself.
/// </summary>
internal sealed class RelatedDocuments(Analyzer analyzer, StoryRule rule)
{
    /// <summary>Words of the document the "same subject" query is made of: measured in docs/stories.md.</summary>
    public int MaxQueryTerms { get; init; } = 25;

    /// <summary>The related documents of <paramref name="id"/>, at most <paramref name="size"/>; empty when the id is not in the index.</summary>
    /// <param name="language">The document's analysis: its own fields are where the same subject is sought.</param>
    public IReadOnlyList<RelatedDocument> Find(IndexSearcher searcher, string id, int size, LanguageAnalysis? language = null)
    {
        if (size <= 0 || DocNumber(searcher.IndexReader, id) is not { } doc)
            return [];
        var lookup = new LuceneStoryLookup(searcher.IndexReader);
        var self = lookup.Find(id)!;
        var related = Copies(new StoryGraph(lookup, rule), self).Take(size).ToList();
        var seen = related.Select(r => r.Id).Append(id).ToHashSet(StringComparer.Ordinal);
        if (related.Count < size)
            related.AddRange(SameSubject(searcher, doc, seen, size - related.Count, language ?? LanguageAnalyses.Arabic).Take(size - related.Count));
        return related;
    }

    /// <summary>The other documents of <paramref name="self"/>'s story, those sharing most of their text with it first.</summary>
    public static IEnumerable<RelatedDocument> Copies(StoryGraph graph, StoryEntry self) =>
        graph.Component(self)
            .Where(m => m.Id != self.Id)
            .Select(m => new RelatedDocument(m.Id, true, ShareOfSmaller(self.Fingerprint, m.Fingerprint)))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>Documents on the same subject as document <paramref name="doc"/>, best first, leaving out the ids in <paramref name="seen"/> (to which it adds those it gives).</summary>
    public IEnumerable<RelatedDocument> SameSubject(IndexSearcher searcher, int doc, HashSet<string> seen, int size, LanguageAnalysis language)
    {
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [language.TitleField, language.BodyField],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = MaxQueryTerms,
        };
        // The stored title and body are read and analysed as the language's body field is: the body is stored as
        // UTF-8 bytes, which Lucene's own reading of a document (Like(doc)) would skip. It made the same query:
        // Like keeps one count of each word over all the fields it reads, and gives each word the field where most
        // documents hold it; only its cap on the words read is one text's, not each field's.
        var query = LikeText(moreLikeThis, LuceneDocumentMapper.Read(searcher.IndexReader, doc, TitleAndBody).Record, language);
        var idOnly = new HashSet<string> { IndexFields.Id };
        foreach (var hit in searcher.Search(query, size + seen.Count).ScoreDocs)
        {
            var id = searcher.Doc(hit.Doc, idOnly).Get(IndexFields.Id);
            if (seen.Add(id))
                yield return new RelatedDocument(id, false, hit.Score);
        }
    }

    private static readonly ISet<string> TitleAndBody = new HashSet<string> { IndexFields.Title, IndexFields.Body };

    private static Query LikeText(MoreLikeThis moreLikeThis, DocumentRecord stored, LanguageAnalysis language) =>
        moreLikeThis.Like(new StringReader(stored.Title + "\n" + stored.Body), language.BodyField);

    private static float ShareOfSmaller(StoryFingerprint a, StoryFingerprint b) =>
        Math.Min(a.Count, b.Count) == 0 ? 0 : (float)a.Shared(b) / Math.Min(a.Count, b.Count);

    public static int? DocNumber(IndexReader reader, string id)
    {
        var hits = new IndexSearcher(reader).Search(new TermQuery(new Term(IndexFields.Id, id)), 1).ScoreDocs;
        return hits.Length == 0 ? null : hits[0].Doc;
    }
}
