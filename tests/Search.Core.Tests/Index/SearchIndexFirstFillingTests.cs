using Search.Core.Archive;
using Search.Core.Index;
using Search.Core.Tests.TestSupport;
using Search.Core.Analysis;

namespace Search.Core.Tests.Index;

/// <summary>A rebuild's first filling adds the rows it started with and replaces the rows that came after.</summary>
public sealed class SearchIndexFirstFillingTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ArchiveEntry Row(long sequence, string id, string title) =>
        new(sequence, id, new DocumentRecord(id, title, null, "نص المقال", "test"));

    [Fact]
    public void Rows_after_the_first_filling_s_sequence_replace_what_it_added()
    {
        using var index = new SearchIndex(Path.Combine(_folder.Path, "index"), SearchEngine.Setup(ArabicSearchAnalyzer.Create()));
        index.BeginFirstFilling(throughSequence: 2);
        index.Apply([Row(1, "a", "الأول"), Row(2, "b", "الثاني")]);
        index.Apply([Row(3, "a", "الأول بعد التعديل"), new ArchiveEntry(4, "b", null)]);
        index.EndFirstFilling();
        index.Refresh();

        Assert.Equal(1, index.DocumentCount());
    }

    [Fact]
    public void Only_an_empty_index_is_filled_for_the_first_time()
    {
        using var index = new SearchIndex(Path.Combine(_folder.Path, "index"), SearchEngine.Setup(ArabicSearchAnalyzer.Create()));
        index.Apply([Row(1, "a", "الأول")]);

        Assert.Throws<InvalidOperationException>(() => index.BeginFirstFilling(throughSequence: 1));
    }
}
