using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Retrieval.Collecting;
using Search.Core.Stories;

namespace Search.Core.Retrieval;

/// <summary>A document related to another: a copy of its story, or one on the same subject.</summary>
/// <param name="SameStory">A copy of the document's story (they come first).</param>
public sealed record RelatedHit(Hit Hit, bool SameStory);

/// <summary>One carrier of a story, in order of publication.</summary>
/// <param name="First">The story's first carrier (the one its id is named after).</param>
/// <param name="DaysAfterFirst">How many days after the first carrier it published; null when either is undated.</param>
/// <param name="Shared">The passage it shares with the first carrier (for the first, with the second), as written in it; empty when none.</param>
public sealed record StoryCopy(string Id, string Title, string Source, DateOnly? Date, string? Url, string? Lang, bool First, int? DaysAfterFirst, string Shared);

/// <summary>A story: its copies in order of publication, who carried it first and who followed.</summary>
public sealed record StoryDetails(string Id, IReadOnlyList<StoryCopy> Copies)
{
    public IReadOnlyList<string> Sources => Copies.Select(c => c.Source).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    public DateOnly? First => Copies.FirstOrDefault(c => c.Date is not null)?.Date;
}

/// <summary>
/// The reads that follow a story across the index: a document's related documents (the other copies of
/// its story first, then the same subject, <see cref="RelatedDocuments"/>) and a story's copies in order
/// of publication with the passage each shares (<see cref="StoryTimeline"/>, <see cref="SharedPassage"/>).
/// </summary>
internal sealed class StoryQueries(Analyzer analyzer)
{
    private readonly RelatedDocuments _related = new(analyzer, StoryRule.Default);

    public IReadOnlyList<RelatedHit> Related(IndexSearcher searcher, string id, int size)
    {
        var lang = RelatedDocuments.DocNumber(searcher.IndexReader, id) is { } doc ? HitReader.WithoutSnippet(searcher, doc, 0).Lang : null;
        var related = _related.Find(searcher, id, size, LanguageAnalyses.For(lang));
        var hits = new List<RelatedHit>(related.Count);
        foreach (var document in related)
            if (RelatedDocuments.DocNumber(searcher.IndexReader, document.Id) is { } number)
                hits.Add(new RelatedHit(HitReader.WithoutSnippet(searcher, number, document.Score), document.SameStory));
        return hits;
    }

    /// <summary>The story of key <paramref name="key"/>, or null when no document carries it.</summary>
    public StoryDetails? Story(IndexSearcher searcher, long key)
    {
        var stored = new List<DocumentRecord>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            foreach (var doc in StoryValues.For(leaf.AtomicReader).MembersOf(key))
                if (live is null || live.Get(doc))
                    stored.Add(LuceneDocumentMapper.Read(leaf.AtomicReader, doc).Record);
        }
        if (stored.Count == 0)
            return null;
        var byId = stored.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var timeline = StoryTimeline.Of(stored.Select(d => new StoryCarrier(d.Id, d.Source, d.Date)));
        var first = byId[timeline[0].Carrier.Id];
        var copies = timeline.Select((step, i) =>
        {
            var document = byId[step.Carrier.Id];
            var other = i == 0 ? (timeline.Count > 1 ? byId[timeline[1].Carrier.Id] : null) : first;
            var passage = SharedPassage.Between(document.Body, other?.Body);
            return new StoryCopy(document.Id, document.Title, document.Source, document.Date, document.Url, document.Lang,
                step.First, step.DaysAfterFirst, passage.IsEmpty ? "" : passage.TextIn(document.Body));
        }).ToList();
        return new StoryDetails(StoryKey.Format(key), copies);
    }
}
