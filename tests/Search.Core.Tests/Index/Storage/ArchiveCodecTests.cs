using Lucene.Net.Analysis.Core;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index.Storage;

/// <summary>
/// Stored fields compressed by K4os' LZ4 come back byte for byte, a damaged chunk is reported as corrupt rather
/// than read as garbage, and segments written before with Lucene's own codec are read and merged into ours.
/// </summary>
public sealed class ArchiveCodecTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(16_384, 5_461, 10_923)]
    [InlineData(16_384, 0, 100)]       // a chunk's first document: what follows it is not decoded
    [InlineData(16_384, 8_000, 2_000)] // one in the middle, its end in the random half
    [InlineData(300_000, 100_000, 200_000)]
    public void Any_part_of_a_chunk_comes_back_as_it_was_written(int length, int offset, int count)
    {
        var random = new Random(length);
        // Arabic text repeats (it compresses), a random tail does not: both kinds of LZ4 sequence.
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("أعلنت الوزارة في بيان لها اليوم ", length / 20 + 1)));
        var chunk = new byte[length + 7];
        text.AsSpan(0, length / 2).CopyTo(chunk.AsSpan(7));
        random.NextBytes(chunk.AsSpan(7 + length / 2, length - length / 2));

        var written = new byte[length * 2 + 64];
        var output = new ByteArrayDataOutput(written);
        Lz4Compression.Instance.NewCompressor().Compress(chunk, 7, length, output);

        var read = new BytesRef();
        Lz4Compression.Instance.NewDecompressor().Decompress(new ByteArrayDataInput(written, 0, output.Position), length, offset, count, read);

        Assert.Equal(chunk.AsSpan(7 + offset, count).ToArray(), read.Bytes.AsSpan(read.Offset, read.Length).ToArray());
    }

    [Theory]
    [InlineData(10, 0)]     // said to hold more than it does, read whole
    [InlineData(0, 1)]      // a range past its end
    public void A_damaged_chunk_is_reported_as_corrupt(int claimedMore, int askedPast)
    {
        var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("بيان الوزارة ", 500)));
        var written = new byte[chunk.Length * 2];
        var output = new ByteArrayDataOutput(written);
        Lz4Compression.Instance.NewCompressor().Compress(chunk, 0, chunk.Length, output);

        Assert.Throws<CorruptIndexException>(() => Lz4Compression.Instance.NewDecompressor()
            .Decompress(new ByteArrayDataInput(written, 0, output.Position), chunk.Length + claimedMore, 0, chunk.Length + claimedMore + askedPast, new BytesRef()));
    }

    [Fact]
    public void The_engine_writes_its_segments_with_our_codec_and_reads_the_bodies_back()
    {
        var engine = _folder.OpenEngineWith(ArabicStatements.All);
        var generation = System.IO.Directory.GetDirectories(System.IO.Path.Combine(_folder.Path, "generations")).Single();
        _folder.Close(engine);

        using var reader = DirectoryReader.Open(FSDirectory.Open(generation));
        Assert.All(reader.Leaves, leaf => Assert.Equal("Archive46", ((SegmentReader)leaf.Reader).SegmentInfo.Info.Codec.Name));
        Assert.Equal(ArabicStatements.All.Select(d => d.Body).Order(),
            Enumerable.Range(0, reader.MaxDoc).Select(d => LuceneDocumentMapper.Read(reader, d).Record.Body).Order());
        // Stored as UTF-8 bytes, not as text Lucene would decode whole (Index/StoredBody).
        Assert.Equal(ArabicStatements.All.Select(d => d.Body).Order(),
            Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).GetBinaryValue("body") is { } utf8
                ? System.Text.Encoding.UTF8.GetString(utf8.Bytes, utf8.Offset, utf8.Length)
                : "not stored as bytes").Order());
    }

    [Fact]
    public void Segments_of_Lucenes_own_codec_are_read_and_merged_into_ours()
    {
        var body = string.Join(' ', Enumerable.Repeat("بيان الوزارة حول الاجتماع الوزاري", 200));
        using var directory = new PositionalDirectory(new DirectoryInfo(_folder.Path));
        static IndexWriterConfig WrittenWith(Codec codec) => new(ArabicSearchAnalyzer.Lucene, new WhitespaceAnalyzer(ArabicSearchAnalyzer.Lucene)) { Codec = codec };
        void Write(Codec codec, int from)
        {
            using var writer = new IndexWriter(directory, WrittenWith(codec));
            for (var i = from; i < from + 50; i++)
                writer.AddDocument(new Document { new StringField("id", $"d{i}", Field.Store.YES), new TextField("body", $"{body} رقم{i}", Field.Store.YES) });
        }
        Write(new Lucene46Codec(), 0);
        Write(ArchiveCodec.Instance, 50);

        using (var writer = new IndexWriter(directory, WrittenWith(ArchiveCodec.Instance)))
        {
            using (var before = DirectoryReader.Open(directory))
                Assert.Equal(["Archive46", "Lucene46"], before.Leaves.Select(l => ((SegmentReader)l.Reader).SegmentInfo.Info.Codec.Name).Order());
            writer.ForceMerge(1);
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal("Archive46", ((SegmentReader)reader.Leaves.Single().Reader).SegmentInfo.Info.Codec.Name);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{body} رقم{i}").Order(),
            Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get("body")).Order());
    }
}
