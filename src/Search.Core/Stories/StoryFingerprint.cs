using System.Buffers.Binary;
using System.Globalization;

namespace Search.Core.Stories;

/// <summary>
/// What a body's text is compared by: a fixed sample of its word shingles (<see cref="StoryFingerprinter"/>),
/// as sorted distinct 32-bit values. The same shingle is sampled in every document that holds it, so the
/// share of one fingerprint found in another estimates how much of the first text the second carries.
/// </summary>
internal sealed class StoryFingerprint
{
    public static readonly StoryFingerprint Empty = new([]);

    /// <param name="samples">Sorted, distinct.</param>
    public StoryFingerprint(uint[] samples) => Samples = samples;

    public uint[] Samples { get; }

    public int Count => Samples.Length;

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

    /// <summary>The sample as the term it is indexed under (<see cref="StoryFields.Sample"/>).</summary>
    public static string Term(uint sample) => sample.ToString("x8", CultureInfo.InvariantCulture);

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
