using Search.Core.Text;

namespace Search.Core.Stories;

/// <summary>
/// Fingerprints a body for story detection: its words folded the way search folds them
/// (<see cref="ArabicLetters"/>: diacritics, tatweel, alef and hamza forms, <c>ة</c>/<c>ه</c>,
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

    public static StoryFingerprinter Default { get; } = new();

    public int ShingleWords { get; } = shingleWords >= 1 ? shingleWords : throw new ArgumentOutOfRangeException(nameof(shingleWords));

    public int Sampling { get; } = sampling >= 1 && (sampling & (sampling - 1)) == 0
        ? sampling : throw new ArgumentOutOfRangeException(nameof(sampling), "a power of two");

    /// <summary>The fingerprint of a body; an empty or word-less body gives <see cref="StoryFingerprint.Empty"/>.</summary>
    public StoryFingerprint Fingerprint(string? body)
    {
        if (string.IsNullOrEmpty(body))
            return StoryFingerprint.Empty;
        var samples = new List<uint>(body.Length / (6 * Sampling) + 4);
        var mask = (ulong)Sampling - 1;
        // The last ShingleWords word hashes, in a ring: each word closes the run of the words before it.
        Span<ulong> ring = stackalloc ulong[ShingleWords];
        var words = 0;
        var reader = new WordReader(body);
        while (reader.Next(out _, out _, out var word))
        {
            ring[words++ % ShingleWords] = word;
            if (words >= ShingleWords)
                Sample(ring, words, mask, samples);
        }
        if (words > 0 && words < ShingleWords)
            Sample(ring[..words], words, mask, samples); // a body shorter than one run is one run
        samples.Sort();
        return new StoryFingerprint(Distinct(samples));
    }

    /// <summary>Hashes the run of words ending with the newest in the ring, oldest first, and keeps it when it is sampled.</summary>
    private static void Sample(Span<ulong> ring, int words, ulong mask, List<uint> samples)
    {
        var hash = FnvOffset;
        for (var j = 0; j < ring.Length; j++)
            hash = (hash ^ ring[(words + j) % ring.Length]) * FnvPrime;
        hash = Mix(hash);
        if ((hash & mask) == 0)
            samples.Add((uint)(hash >> 32));
    }

    /// <summary>
    /// Each word of the text where it is written, with a stable 64-bit hash of its folded form (a
    /// string's own hash code changes from process to process); words folding to nothing are left out.
    /// </summary>
    internal static List<(int Start, int Length, ulong Hash)> Words(string text)
    {
        var words = new List<(int, int, ulong)>();
        var reader = new WordReader(text);
        while (reader.Next(out var start, out var length, out var hash))
            words.Add((start, length, hash));
        return words;
    }

    /// <summary>
    /// Reads <see cref="Words"/> one at a time without an iterator: an iterator's state machine and its tuples
    /// were a third of fingerprinting in a profile of a rebuild, which fingerprints every body.
    /// </summary>
    private ref struct WordReader(string text)
    {
        private int _at;

        public bool Next(out int start, out int length, out ulong hash)
        {
            start = -1;
            hash = FnvOffset;
            var folded = false;
            for (; _at <= text.Length; _at++)
            {
                var c = _at < text.Length ? text[_at] : ' ';
                if (StoryWords.IsWordChar(c))
                {
                    if (start < 0)
                        (start, hash, folded) = (_at, FnvOffset, false);
                    var f = FoldedChars.Fold(c);
                    if (f == FoldedChars.Expands)
                    {
                        foreach (var e in ArabicPresentationForms.Expand([c]))
                            if (FoldedChars.Fold(e) is var g and not '\0' and not FoldedChars.Expands)
                                (hash, folded) = ((hash ^ g) * FnvPrime, true);
                    }
                    else if (f != '\0')
                    {
                        (hash, folded) = ((hash ^ f) * FnvPrime, true);
                    }
                    continue;
                }
                if (start >= 0 && folded)
                {
                    length = _at - start;
                    hash = Mix(hash);
                    _at++;
                    return true;
                }
                start = -1;
            }
            length = 0;
            return false;
        }
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
