namespace Search.Core.Analysis;

/// <summary>
/// What the analysis makes of one word as the tokenizer gives it (<see cref="Token"/>): nothing, for a stop
/// word or a word of removed marks alone (<see cref="IsDropped"/>); or its exact form <see cref="Exact"/>
/// (normalised, its proclitics taken off) and, at its start, the stem, <see cref="StemLength"/> letters long.
/// <para>
/// All of it is one array of characters, a header of three lengths then the token then the exact form, never
/// changed once made, so that one entry is shared by every thread that meets the word (<see cref="ArabicWordAnalysis"/>)
/// and a remembered word is found, checked and copied out of one object. As an object holding two strings it was
/// three dependent loads a word (the slot, the entry, its strings), and the word memory's lookup was the largest
/// single cost of a rebuild's analysis (docs/performance.md).
/// </para>
/// </summary>
internal readonly struct AnalysedWord
{
    private const int TokenLengthAt = 0, StemLengthAt = 1, ExactLengthAt = 2, Header = 3;

    /// <summary>The exact length of a dropped word: no exact form at all.</summary>
    private const char Dropped = char.MaxValue;

    private readonly char[] _entry;

    private AnalysedWord(char[] entry) => _entry = entry;

    /// <summary>A word the analysis keeps: its exact form, whose first <paramref name="stemLength"/> letters are its stem.</summary>
    public static AnalysedWord Kept(ReadOnlySpan<char> token, ReadOnlySpan<char> exact, int stemLength) =>
        Make(token, exact, (char)exact.Length, stemLength);

    /// <summary>A word the analysis drops (a stop word, or marks alone).</summary>
    public static AnalysedWord Drop(ReadOnlySpan<char> token) => Make(token, [], Dropped, 0);

    private static AnalysedWord Make(ReadOnlySpan<char> token, ReadOnlySpan<char> exact, char exactLength, int stemLength)
    {
        var entry = new char[Header + token.Length + exact.Length];
        entry[TokenLengthAt] = (char)token.Length;
        entry[StemLengthAt] = (char)stemLength;
        entry[ExactLengthAt] = exactLength;
        token.CopyTo(entry.AsSpan(Header));
        exact.CopyTo(entry.AsSpan(Header + token.Length));
        return new AnalysedWord(entry);
    }

    /// <summary>No word: what a filter holds when it has nothing pending.</summary>
    public bool IsNone => _entry is null;

    public ReadOnlySpan<char> Token => _entry.AsSpan(Header, _entry[TokenLengthAt]);

    public bool IsDropped => _entry[ExactLengthAt] == Dropped;

    /// <summary>The exact form; empty for a dropped word.</summary>
    public ReadOnlySpan<char> Exact => IsDropped ? [] : _entry.AsSpan(Header + _entry[TokenLengthAt], _entry[ExactLengthAt]);

    public int StemLength => _entry[StemLengthAt];

    /// <summary>The word is its own stem: its exact form alone is written, and stands for both.</summary>
    public bool IsOwnStem => StemLength == _entry[ExactLengthAt];

    /// <summary>Whether this entry is the one remembered for <paramref name="token"/> (a slot may hold another word).</summary>
    public bool Is(ReadOnlySpan<char> token) => token.SequenceEqual(Token);

    /// <summary>The entry as a slot of <see cref="ArabicWordAnalysis"/> holds it.</summary>
    internal char[] Entry => _entry;

    internal static AnalysedWord FromEntry(char[] entry) => new(entry);
}
