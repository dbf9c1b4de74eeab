using Search.Core.Archive;
using Search.Core.Index;
using Search.Core.Tests.TestSupport;
using Search.Core.Analysis;
using Search.Core.Tests.Stories;

namespace Search.Core.Tests.Index;

/// <summary>
/// A rebuild's first filling adds the rows it started with and replaces the rows that came after; the stories
/// it ends with are those of the whole archive.
/// </summary>
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

    [Theory]
    [InlineData(31, 6)]
    [InlineData(32, 11)]
    public void Stories_of_a_filling_and_of_the_changes_caught_up_after_it_equal_the_whole_archive_s(int seed, int batchSize)
    {
        var archive = new RandomStoryArchive(seed);
        for (var n = 0; n < 8; n++)
            archive.NextBatch(25);
        var sequence = 0L;
        var filling = archive.Documents.Select(d => Row(++sequence, d.Key, d.Value.Day, d.Value.Body)).ToList();
        using var index = new SearchIndex(Path.Combine(_folder.Path, "index"), SearchEngine.Setup(ArabicSearchAnalyzer.Create()));
        index.BeginFirstFilling(throughSequence: sequence);
        foreach (var batch in filling.Chunk(batchSize))
            index.Apply(batch);

        // What arrived while the rebuild ran: replacements, new copies and deletions, read after the filling's rows.
        for (var n = 0; n < 4; n++)
        {
            var (upserts, deletions) = archive.NextBatch(batchSize);
            index.Apply(upserts.Select(u => Row(++sequence, u.Id, u.Day, u.Body))
                .Concat(deletions.Select(id => new ArchiveEntry(++sequence, id, null))).ToList());
        }
        index.EndFirstFilling();
        index.Refresh();

        Assert.Equal(BatchByBatchTests.AllAtOnce(archive.Documents), BatchByBatchTests.KeysOf(index));
    }

    private static ArchiveEntry Row(long sequence, string id, int? day, string body) =>
        new(sequence, id, new DocumentRecord(id, "عنوان", day is { } d ? DateOnly.FromDayNumber(d) : null, body, "test"));

    [Fact]
    public void Only_an_empty_index_is_filled_for_the_first_time()
    {
        using var index = new SearchIndex(Path.Combine(_folder.Path, "index"), SearchEngine.Setup(ArabicSearchAnalyzer.Create()));
        index.Apply([Row(1, "a", "الأول")]);

        Assert.Throws<InvalidOperationException>(() => index.BeginFirstFilling(throughSequence: 1));
    }
}
