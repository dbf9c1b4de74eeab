using BenchmarkDotNet.Attributes;
using Lucene.Net.Store;
using Search.Core.Index.Storage;

namespace Search.Bench.Micro;

/// <summary>
/// Writing an index file, Lucene.NET's own output (<see cref="NIOFSDirectory"/>: a table CRC-32 a byte at a time,
/// every byte through <see cref="FileStream"/>) against ours (<see cref="PositionalIndexOutput"/>): 4 MB as the
/// postings writer writes it (vInts of small deltas, a byte call each) and 4 MB in the 16 KB blocks stored fields
/// and doc values write, each file closed with its checksum.
/// </summary>
[MemoryDiagnoser]
public class IndexOutputBenchmarks
{
    private const int Bytes = 4 << 20;

    private DirectoryInfo _folder = null!;
    private FSDirectory _directory = null!;
    private readonly byte[] _block = new byte[16 << 10];
    private int[] _deltas = [];

    [Params("Lucene.NET", "ours")]
    public string Output { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = System.IO.Directory.CreateTempSubdirectory("bench-output-");
        _directory = Output == "ours" ? new PositionalDirectory(_folder) : new NIOFSDirectory(_folder);
        var random = new Random(3);
        random.NextBytes(_block);
        // Deltas of one to three vInt bytes, as document and position deltas mostly are.
        _deltas = [.. Enumerable.Range(0, 1 << 16).Select(_ => random.Next(4) == 0 ? random.Next(128, 1 << 20) : random.Next(128))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _directory.Dispose();
        _folder.Delete(recursive: true);
    }

    [Benchmark]
    public long VInts()
    {
        using var output = _directory.CreateOutput("vints", IOContext.DEFAULT);
        for (var i = 0; output.Position < Bytes; i = (i + 1) & (_deltas.Length - 1))
            output.WriteVInt32(_deltas[i]);
        output.WriteInt64(output.Checksum);
        return output.Position;
    }

    [Benchmark]
    public long Blocks()
    {
        using var output = _directory.CreateOutput("blocks", IOContext.DEFAULT);
        while (output.Position < Bytes)
            output.WriteBytes(_block, 0, _block.Length);
        output.WriteInt64(output.Checksum);
        return output.Position;
    }
}
