using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// A reader made while an index file's copy was loading may read that file from disk for the rest of its life, so the
/// terms and postings readers kept for a thread's next searches are not kept when a clone was made from disk meanwhile.
/// </summary>
[Collection(KeptReaders.Name)]
public sealed class ReadersMadeWhileLoadingTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly RAMDirectory _index = new();
    private readonly DirectoryReader _reader;
    private readonly AtomicReader _segment;

    public ReadersMadeWhileLoadingTests()
    {
        using (var writer = new IndexWriter(_index, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, ArabicSearchAnalyzer.Create())))
            for (var i = 0; i < 300; i++)
                writer.AddDocument(LuceneDocumentMapper.ToLucene(ArabicStatements.Doc($"d{i}", "وزير الخارجية", title: "وزير")));
        _reader = DirectoryReader.Open(_index);
        _segment = Assert.Single(_reader.Leaves).AtomicReader;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _index.Dispose();
        _folder.Dispose();
    }

    /// <summary>Clones a file whose copy into memory has begun and not finished: the clone reads the file.</summary>
    private void CloneFromDisk()
    {
        using var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        using (var output = directory.CreateOutput("_0_Lucene41_0.pay", IOContext.DEFAULT))
            output.WriteBytes(new byte[64], 64);
        var loaded = new TaskCompletionSource<byte[]>();
        using var input = new LoadingIndexInput("loading", (PositionalIndexInput)directory.OpenInput("_0_Lucene41_0.pay", IOContext.DEFAULT),
            () => loaded.Task.GetAwaiter().GetResult());
        var before = LoadingIndexInput.ClonesFromDisk;
        using (var clone = Assert.IsType<PositionalIndexInput>(input.Clone()))
            Assert.True(LoadingIndexInput.ClonesFromDisk > before);
        loaded.SetResult(new byte[64]);
        input.BeginCopy().Wait();
    }

    private TermsEnum Sought(TermsEnum terms)
    {
        Assert.True(terms.SeekExact(new BytesRef(ArabicSearchAnalyzer.ExactPrefix + "وزير")));
        return terms;
    }

    [Fact]
    public void A_terms_reader_handed_out_before_a_clone_from_disk_is_not_handed_out_again()
    {
        var first = ReusedTerms.Of(_segment, IndexFields.Body)!;
        Assert.Same(first, ReusedTerms.Of(_segment, IndexFields.Body));

        CloneFromDisk();
        var next = ReusedTerms.Of(_segment, IndexFields.Body)!;

        Assert.NotSame(first, next);
        Assert.Same(next, ReusedTerms.Of(_segment, IndexFields.Body));
        Assert.Equal(Sought(first).DocFreq, Sought(next).DocFreq);
    }

    /// <summary>The body's documents of the word, through a spare reader if the thread has one.</summary>
    private DocsEnum BodyDocs() => ReusedPostings.Docs(_segment, IndexFields.Body, Sought(_segment.GetTerms(IndexFields.Body).GetEnumerator()), null);

    [Fact]
    public void Postings_readers_opened_before_a_clone_from_disk_are_not_kept()
    {
        var (kept, readers) = ReusedPostings.Opening(_segment, BodyDocs);
        ReusedPostings.GiveBack(readers);
        Assert.Same(kept, BodyDocs());

        var (dropped, taken) = ReusedPostings.Opening(_segment, BodyDocs);
        CloneFromDisk();
        ReusedPostings.GiveBack(taken);
        var fresh = BodyDocs();

        Assert.NotSame(dropped, fresh);
        Assert.Equal(0, fresh.NextDoc());
    }
}
