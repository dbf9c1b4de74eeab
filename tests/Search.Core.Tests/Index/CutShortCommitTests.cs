using Lucene.Net.Index;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

/// <summary>
/// A process killed while Lucene writes a commit leaves that commit's <c>segments_N</c> file cut short (empty,
/// since ours is written out when it is closed). The engine must start again on such a folder, and end with
/// every archived document searchable exactly once. Seen in CI: a kill during a generation's very first
/// commit left a folder the service refused to open.
/// </summary>
public sealed class CutShortCommitTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentRecord Doc(int i) => ArabicStatements.Doc($"doc-{i}", $"نص البيان الخاص بالتجربة {i}", title: $"بيان رقم {i}");

    /// <summary>Stores and indexes the documents, then commits them: one commit file more in the generation.</summary>
    private static void IndexAndCommit(SearchEngine engine, IEnumerable<int> documents)
    {
        engine.Accept([.. documents.Select(Doc)]);
        engine.CatchUp();
        engine.Live.Commit();
    }

    private string[] CommitFiles(SearchEngine engine) =>
        [.. Directory.EnumerateFiles(engine.Generations.PathOf(engine.Stats().Generation), "segments_*").Select(Path.GetFileName).Order()!];

    private static void CutShort(string file, long length)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    private static void AssertEachSearchableOnce(SearchEngine engine, int count)
    {
        engine.CatchUp();
        Assert.Equal(count, engine.Search(new SearchRequest("التجربة")).Total);
        // A document indexed twice would count twice here: the index's own count, not the search's.
        Assert.Equal(count, engine.Stats().IndexDocuments);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(40L)]
    public void A_first_commit_cut_short_starts_the_generation_over_from_the_archive(long keptBytes)
    {
        var engine = _folder.OpenEngine();
        IndexAndCommit(engine, Enumerable.Range(0, 6));
        Assert.Equal(["segments_1"], CommitFiles(engine));
        var commit = Path.Combine(engine.Generations.PathOf(1), "segments_1");
        _folder.Close(engine);
        CutShort(commit, keptBytes);

        var reopened = _folder.OpenEngine();
        Assert.Equal(1, reopened.Stats().Generation);
        AssertEachSearchableOnce(reopened, 6);

        // The generation started over is written and read again as any other.
        IndexAndCommit(reopened, Enumerable.Range(6, 4));
        _folder.Close(reopened);
        AssertEachSearchableOnce(_folder.OpenEngine(), 10);
    }

    [Fact]
    public void A_later_commit_cut_short_leaves_the_one_before_it_current()
    {
        var engine = _folder.OpenEngine();
        IndexAndCommit(engine, Enumerable.Range(0, 6));
        IndexAndCommit(engine, Enumerable.Range(6, 4));
        var last = Assert.Single(CommitFiles(engine));
        var generation = engine.Generations.PathOf(1);
        _folder.Close(engine);

        // Lucene deletes a commit once the next one is complete: cut short, the next lies beside it.
        var next = IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", SegmentInfos.GenerationFromSegmentsFileName(last) + 1);
        File.WriteAllBytes(Path.Combine(generation, next), []);

        AssertEachSearchableOnce(_folder.OpenEngine(), 10);
    }
}
