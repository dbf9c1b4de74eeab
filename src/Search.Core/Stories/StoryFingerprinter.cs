using Search.Core.Analysis;

namespace Search.Core.Stories;

/// <summary>
/// Fingerprints a body for story detection: its words folded the way search folds them
/// (<see cref="ArabicNormalizer"/>: diacritics, tatweel, alef and hamza forms, <c>ة</c>/<c>ه</c>,
/// <c>ى</c>/<c>ي</c>, Arabic-Indic digits), punctuation dropped, then every run of
/// <see cref="ShingleWords"/> words hashed, and the runs whose hash is 0 modulo <see cref="Sampling"/>
/// kept. Which runs are kept depends on the run alone, never on the document, so a reprint keeps the
/// same samples for the text it shares, whatever was added around it (a position-based choice, such as
/// the smallest hashes of a document, would not). Four-word runs sampled one in eight: measured in
/// docs/stories.md against three and five words, one in four and one in sixteen.
/// </summary>
internal sealed class StoryFingerprinter(int shingleWords = StoryFingerprinter.DefaultShingleWords, int sampling = StoryFingerprinter.DefaultSampling)
{
    public const int DefaultShingleWords = 4;
    public const int DefaultSampling = 8;

    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    private static readonly ArabicNormalizer Normalizer = new(HamzaPolicy.FoldSeats);

    public static StoryFingerprinter Default { get; } = new();

    public int ShingleWords { get; } = shingleWords >= 1 ? shingleWords : throw new ArgumentOutOfRangeException(nameof(shingleWords));

    public int Sampling { get; } = sampling >= 1 && (sampling & (sampling - 1)) == 0
        ? sampling : throw new ArgumentOutOfRangeException(nameof(sampling), "a power of two");

    /// <summary>The fingerprint of a body; an empty or word-less body gives <see cref="StoryFingerprint.Empty"/>.</summary>
    public StoryFingerprint Fingerprint(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return StoryFingerprint.Empty;
        var words = Words(body).ConvertAll(w => w.Hash);
        if (words.Count == 0)
            return StoryFingerprint.Empty;
        var samples = new List<uint>(words.Count / Sampling + 4);
        var runs = Math.Max(1, words.Count - ShingleWords + 1);
        var mask = (ulong)Sampling - 1;
        for (var i = 0; i < runs; i++)
        {
            var hash = FnvOffset;
            for (var j = i; j < Math.Min(i + ShingleWords, words.Count); j++)
                hash = (hash ^ words[j]) * FnvPrime;
            hash = Mix(hash);
            if ((hash & mask) == 0)
                samples.Add((uint)(hash >> 32));
        }
        samples.Sort();
        return new StoryFingerprint(Distinct(samples));
    }

    /// <summary>
    /// Each word of the text where it is written, with a stable 64-bit hash of its folded form (a
    /// string's own hash code changes from process to process); words folding to nothing are left out.
    /// </summary>
    internal static List<(int Start, int Length, ulong Hash)> Words(string text)
    {
        var words = new List<(int, int, ulong)>(text.Length / 5);
        Span<char> buffer = stackalloc char[64];
        foreach (var (start, length) in StoryWords.Spans(text))
        {
            var word = text.AsSpan(start, length);
            if (ArabicNormalizer.NeedsExpansion(word))
                word = ArabicNormalizer.Expand(word);
            var folded = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
            word.CopyTo(folded);
            var n = Normalizer.Normalize(folded);
            if (n == 0)
                continue;
            var hash = FnvOffset;
            foreach (var c in folded[..n])
                hash = (hash ^ c) * FnvPrime;
            words.Add((start, length, Mix(hash)));
        }
        return words;
    }

    /// <summary>SplitMix64's finaliser: FNV's low bits are weak, and the sample is chosen by them.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    private static uint[] Distinct(List<uint> sorted)
    {
        var length = 0;
        for (var i = 0; i < sorted.Count; i++)
            if (length == 0 || sorted[i] != sorted[length - 1])
                sorted[length++] = sorted[i];
        return sorted.GetRange(0, length).ToArray();
    }
}
