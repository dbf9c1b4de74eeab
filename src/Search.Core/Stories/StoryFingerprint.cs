using System.Buffers.Binary;
using System.Globalization;

namespace Search.Core.Stories;

/// <summary>
/// What a body's text is compared by: a fixed sample of its word shingles (<see cref="StoryFingerprinter"/>),
/// as sorted distinct 32-bit values. The same shingle is sampled in every document that holds it, so the
/// share of one fingerprint found in another estimates how much of the first text the second carries.
/// Two fingerprints are equal when their samples are: the same text as far as stories can tell, which
/// relates to every other document alike (what lets <see cref="StoryGraph"/> and
/// <see cref="CachedStoryLookup"/> look a text up once for all its identical copies).
/// </summary>
internal sealed class StoryFingerprint : IEquatable<StoryFingerprint>
{
    public static readonly StoryFingerprint Empty = new([]);

    /// <param name="samples">Sorted, distinct.</param>
    public StoryFingerprint(uint[] samples)
    {
        Samples = samples;
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()));
        _hash = hash.ToHashCode();
    }

    public uint[] Samples { get; }

    public int Count => Samples.Length;

    /// <summary>Worked out once, when made: fingerprints are compared many times a batch, and read by several threads.</summary>
    private readonly int _hash;

    public bool Equals(StoryFingerprint? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && Samples.AsSpan().SequenceEqual(other.Samples)));

    public override bool Equals(object? obj) => Equals(obj as StoryFingerprint);

    public override int GetHashCode() => _hash;

    /// <summary>Samples the two fingerprints share (a merge of two sorted arrays).</summary>
    public int Shared(StoryFingerprint other)
    {
        var (a, b) = (Samples, other.Samples);
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    /// <summary>Four bytes a sample, little-endian: the binary doc value the index keeps.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Samples.Length * 4];
        for (var i = 0; i < Samples.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Samples[i]);
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/>; bytes of another shape (not a multiple of four, unsorted) give <see cref="Empty"/>.</summary>
    public static StoryFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0)
            return Empty;
        var samples = new uint[bytes.Length / 4];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
            if (i > 0 && samples[i] <= samples[i - 1])
                return Empty;
        }
        return new StoryFingerprint(samples);
    }
}
