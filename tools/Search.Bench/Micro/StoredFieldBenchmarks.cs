using System.Text;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Index.Storage;

namespace Search.Bench.Micro;

/// <summary>
/// The stored fields' compression, Lucene.NET's own LZ4 (<c>CompressionMode.FAST</c>, what <c>Lucene46</c> writes)
/// against ours (<see cref="Lz4Compression"/>, K4os): the UTF-8 of 2^20 characters of corpus bodies
/// (<see cref="CorpusBodies"/>, about 1.9 MB) in the 16 KB chunks both codecs write, compressed, and read back
/// whole. MB/s is the UTF-8's size over the mean; the setup prints each side's ratio.
/// </summary>
[MemoryDiagnoser]
public class StoredFieldBenchmarks
{
    private const int Chunk = 1 << 14;

    private byte[] _text = [];
    private byte[] _output = [];
    private (byte[] Lucene, byte[] Ours)[] _compressed = [];
    private readonly BytesRef _read = new();

    [Params("Lucene.NET", "K4os")]
    public string Compression { get; set; } = "";

    private CompressionMode Mode => Compression == "K4os" ? Lz4Compression.Instance : CompressionMode.FAST;

    [GlobalSetup]
    public void Setup()
    {
        _text = Encoding.UTF8.GetBytes(string.Concat(CorpusBodies.Read()));
        _output = new byte[2 * Chunk + 64];
        _compressed = [.. Chunks().Select(c => (Compress(CompressionMode.FAST, c), Compress(Lz4Compression.Instance, c)))];
        Console.WriteLine($"// {_text.Length:N0} bytes of UTF-8; ratio Lucene.NET {Ratio(x => x.Lucene):F2}, K4os {Ratio(x => x.Ours):F2}");
    }

    [Benchmark]
    public int CompressChunks()
    {
        var compressor = Mode.NewCompressor();
        var written = 0;
        foreach (var (offset, length) in Chunks())
        {
            var output = new ByteArrayDataOutput(_output);
            compressor.Compress(_text, offset, length, output);
            written += output.Position;
        }
        return written;
    }

    [Benchmark]
    public int ReadChunksBack()
    {
        var decompressor = Mode.NewDecompressor();
        var read = 0;
        var chunks = Chunks().ToArray();
        for (var i = 0; i < chunks.Length; i++)
        {
            var compressed = Compression == "K4os" ? _compressed[i].Ours : _compressed[i].Lucene;
            decompressor.Decompress(new ByteArrayDataInput(compressed), chunks[i].Length, 0, chunks[i].Length, _read);
            read += _read.Length;
        }
        return read;
    }

    private IEnumerable<(int Offset, int Length)> Chunks()
    {
        for (var offset = 0; offset < _text.Length; offset += Chunk)
            yield return (offset, Math.Min(Chunk, _text.Length - offset));
    }

    private byte[] Compress(CompressionMode mode, (int Offset, int Length) chunk)
    {
        var output = new ByteArrayDataOutput(_output);
        mode.NewCompressor().Compress(_text, chunk.Offset, chunk.Length, output);
        return _output[..output.Position];
    }

    private double Ratio(Func<(byte[] Lucene, byte[] Ours), byte[]> side) => (double)_text.Length / _compressed.Sum(c => side(c).Length);
}
