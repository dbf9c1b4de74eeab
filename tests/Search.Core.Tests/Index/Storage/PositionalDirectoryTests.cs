using Lucene.Net.Analysis.Core;
using Lucene.Net.Codecs;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Index.Storage;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index.Storage;

/// <summary>Files read by position, or term dictionaries and postings copied whole into memory, give back exactly what Lucene wrote, to every clone at once.</summary>
public sealed class PositionalDirectoryTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes <paramref name="count"/> bytes, each the low byte of its position, and returns the directory.</summary>
    private PositionalDirectory WriteFile(string name, int count)
    {
        var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        for (var i = 0; i < count; i++)
            output.WriteByte((byte)i);
        return directory;
    }

    [Theory]
    [InlineData("bytes", false)]
    [InlineData("_0_Lucene41_0.tim", false)]
    [InlineData("_0_Lucene41_0.tim", true)]
    public async Task Clones_read_their_own_positions_side_by_side(string name, bool copied)
    {
        using var directory = WriteFile(name, 100_000);
        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        if (copied)
            await ((LoadingIndexInput)input).BeginCopy();

        var starts = Enumerable.Range(0, 16).Select(i => i * 6_000L).ToArray();
        var wrong = 0;
        Parallel.ForEach(starts, start =>
        {
            var clone = (IndexInput)input.Clone();
            clone.Seek(start);
            for (var position = start; position < start + 10_000 && position < clone.Length; position++)
                if (clone.ReadByte() != (byte)position)
                    Interlocked.Increment(ref wrong);
        });

        Assert.Equal(100_000, input.Length);
        Assert.Equal(0, wrong);
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("_0_Lucene41_0.tim")]
    public void Reading_past_the_end_is_refused_and_the_file_stays_readable(string name)
    {
        using var directory = WriteFile(name, 5_000);
        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        input.Seek(4_990);
        var tail = new byte[20];

        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(tail, 0, tail.Length));
        input.Seek(10);
        Assert.Equal(10, input.ReadByte());
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("_0_Lucene41_0.tim")]
    public void Disposing_a_clone_leaves_the_original_open(string name)
    {
        using var directory = WriteFile(name, 10_000);
        using var input = directory.OpenInput(name, IOContext.DEFAULT);
        using (var clone = (IndexInput)input.Clone())
            clone.ReadByte();

        input.Seek(9_999);
        Assert.Equal(unchecked((byte)9_999), input.ReadByte());
    }

    [Theory]
    [InlineData("_0_Lucene41_0.tim")]
    [InlineData("_0_Lucene41_0.doc")]
    [InlineData("_0_Lucene41_0.pos")]
    public async Task Term_dictionaries_postings_documents_and_positions_are_copied_into_memory_from_the_first_clone_on_except_for_a_merge_which_reads_them_once(string name)
    {
        using var directory = WriteFile(name, 1_000);
        using (var searched = directory.OpenInput(name, IOContext.DEFAULT))
        {
            var loading = Assert.IsType<LoadingIndexInput>(searched);
            searched.Seek(10);
            Assert.Equal(10, searched.ReadByte());
            Assert.False(loading.CopyBegun);
            using (var first = (IndexInput)searched.Clone())
                Assert.True(loading.CopyBegun);
            Assert.Equal(1_000, (await loading.BeginCopy())!.Length);
            searched.Seek(700);
            using var clone = Assert.IsType<InMemoryIndexInput>(searched.Clone());
            Assert.Equal(700, clone.Position);
            Assert.Equal(unchecked((byte)700), clone.ReadByte());
        }
        using (var merged = directory.OpenInput(name, new IOContext(new MergeInfo(10, 1_000, false, 1))))
            Assert.IsType<PositionalIndexInput>(merged);
    }

    [Fact]
    public async Task Numbers_are_read_back_from_memory_as_written_up_to_the_last_byte()
    {
        int[] ints = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, int.MaxValue, -1, int.MinValue];
        long[] longs = [0, 127, 128, 1L << 35, (1L << 56) - 1, 1L << 56, long.MaxValue];
        var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        using (directory)
        {
            using (var output = directory.CreateOutput("_0_Lucene41_0.doc", IOContext.DEFAULT))
            {
                foreach (var value in ints)
                {
                    output.WriteVInt32(value);
                    output.WriteInt32(value);
                }
                foreach (var value in longs)
                {
                    output.WriteVInt64(value);
                    output.WriteInt64(value);
                }
                // Ends on a vInt of five bytes, so that its last bytes are read where the array ends.
                output.WriteVInt32(int.MaxValue);
            }
            using var input = directory.OpenInput("_0_Lucene41_0.doc", IOContext.DEFAULT);
            await ((LoadingIndexInput)input).BeginCopy();
            using var memory = Assert.IsType<InMemoryIndexInput>(input.Clone());

            foreach (var value in ints)
            {
                Assert.Equal(value, memory.ReadVInt32());
                Assert.Equal(value, memory.ReadInt32());
            }
            foreach (var value in longs)
            {
                Assert.Equal(value, memory.ReadVInt64());
                Assert.Equal(value, memory.ReadInt64());
            }
            Assert.Equal(int.MaxValue, memory.ReadVInt32());
            Assert.Equal(memory.Length, memory.Position);
        }
    }

    [Fact]
    public void A_malformed_vint_in_memory_is_refused()
    {
        var bytes = new byte[16];
        Array.Fill(bytes, (byte)0xFF);
        using var memory = new InMemoryIndexInput("malformed", bytes);
        Assert.Throws<IOException>(() => memory.ReadVInt32());
        memory.Seek(0);
        Assert.Throws<IOException>(() => memory.ReadVInt64());
    }

    [Fact]
    public async Task Until_the_copy_is_loaded_clones_read_the_file_and_a_copy_that_fails_leaves_them_reading_it()
    {
        // Opened as a file read from disk (offsets are), then wrapped as the directory wraps a postings file.
        using var directory = WriteFile("_0_Lucene41_0.pay", 1_000);
        var loading = new TaskCompletionSource<byte[]>();
        using var input = new LoadingIndexInput("loading", (PositionalIndexInput)directory.OpenInput("_0_Lucene41_0.pay", IOContext.DEFAULT),
            () => loading.Task.GetAwaiter().GetResult());
        using var broken = new LoadingIndexInput("broken", (PositionalIndexInput)directory.OpenInput("_0_Lucene41_0.pay", IOContext.DEFAULT),
            () => throw new IOException("the disk went away"));

        using (var before = Assert.IsType<PositionalIndexInput>(input.Clone()))
        {
            loading.SetResult([.. Enumerable.Range(0, 1_000).Select(i => (byte)i)]);
            await input.BeginCopy();
            using var after = Assert.IsType<InMemoryIndexInput>(input.Clone());
            before.Seek(999);
            after.Seek(999);
            Assert.Equal(before.ReadByte(), after.ReadByte());
        }
        Assert.Null(await broken.BeginCopy());
        using var fromDisk = Assert.IsType<PositionalIndexInput>(broken.Clone());
        fromDisk.Seek(5);
        Assert.Equal(5, fromDisk.ReadByte());
    }

    [Theory]
    [InlineData("_0_Lucene41_0.tip")]
    [InlineData("_0_Lucene41_0.pay")]
    [InlineData("_0.fdt")]
    public void The_terms_index_offsets_and_stored_fields_are_read_from_disk(string name)
    {
        using var directory = WriteFile(name, 1_000);
        using var searched = directory.OpenInput(name, IOContext.DEFAULT);
        Assert.IsType<PositionalIndexInput>(searched);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_index_written_and_searched_through_it_gives_back_every_document(bool compoundFiles)
    {
        var body = string.Join(' ', Enumerable.Repeat("بيان الوزارة حول الاجتماع الوزاري", 400));
        using (var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, new WhitespaceAnalyzer(ArabicSearchAnalyzer.Lucene)) { UseCompoundFile = compoundFiles }))
        {
            for (var i = 0; i < 300; i++)
                writer.AddDocument(new Document { new StringField("id", $"d{i}", Field.Store.YES), new TextField("body", $"{body} رقم{i}", Field.Store.YES) });
            writer.Commit();
        }

        using var reopened = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        using var reader = DirectoryReader.Open(reopened);
        var searcher = new IndexSearcher(reader);
        var phrase = new PhraseQuery { new Term("body", "الوزارة"), new Term("body", "حول") };
        var hits = searcher.Search(phrase, 1_000);

        Assert.Equal(300, reader.NumDocs);
        Assert.Equal(300, hits.TotalHits);
        Assert.Equal($"{body} رقم123", reader.Document(hits.ScoreDocs.Single(h => reader.Document(h.Doc).Get("id") == "d123").Doc).Get("body"));
    }

    [Fact]
    public void Bytes_written_in_every_size_read_back_the_same_under_the_checksum_Lucene_computes()
    {
        var random = new Random(7);
        var expected = new List<byte>();
        long checksum;
        using (var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path)))
        {
            using (var output = directory.CreateOutput("mixed", IOContext.DEFAULT))
            {
                // Single bytes, runs that fit the buffer, runs crossing its end, and runs larger than it.
                foreach (var size in new[] { 1, 3, 70_000, 5, PositionalIndexOutput.BufferSize - 9, 200_000, 1, 65_535, 2 })
                {
                    var bytes = new byte[size];
                    random.NextBytes(bytes);
                    if (size == 1)
                        output.WriteByte(bytes[0]);
                    else
                        output.WriteBytes(bytes, 0, size);
                    expected.AddRange(bytes);
                    Assert.Equal(expected.Count, output.Position);
                }
                checksum = output.Checksum;
                output.WriteInt64(checksum);
            }

            using var input = directory.OpenInput("mixed", IOContext.DEFAULT);
            using var summed = new BufferedChecksumIndexInput(input);
            var read = new byte[expected.Count];
            summed.ReadBytes(read, 0, read.Length);
            Assert.Equal(expected.ToArray(), read);
            Assert.Equal(summed.Checksum, checksum);
            Assert.Equal(checksum, summed.ReadInt64());
        }
    }

    [Fact]
    public void Every_file_of_an_index_written_through_it_passes_Lucenes_own_checks()
    {
        var body = string.Join(' ', Enumerable.Repeat("بيان الوزارة حول الاجتماع الوزاري", 50));
        using var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, new WhitespaceAnalyzer(ArabicSearchAnalyzer.Lucene)) { MaxBufferedDocs = 100 }))
        {
            for (var i = 0; i < 1_000; i++)
                writer.AddDocument(new Document { new StringField("id", $"d{i}", Field.Store.YES), new TextField("body", $"{body} رقم{i}", Field.Store.YES), new NumericDocValuesField("n", i) });
            writer.ForceMerge(2);
            writer.Commit();
        }

        var checkedFiles = 0;
        foreach (var name in directory.ListAll().Where(n => n != "write.lock" && n != IndexFileNames.SEGMENTS_GEN))
        {
            using var input = directory.OpenInput(name, IOContext.READ_ONCE);
            CodecUtil.ChecksumEntireFile(input);
            checkedFiles++;
        }
        var status = new CheckIndex(directory).DoCheckIndex();

        Assert.True(checkedFiles > 5, $"only {checkedFiles} files written");
        Assert.True(status.Clean);
        Assert.Equal(1_000, status.SegmentInfos.Sum(s => s.DocCount));
    }
}
