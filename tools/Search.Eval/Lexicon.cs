using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;
using Search.Core.Text;
using Search.Core;

namespace Search.Eval;

/// <summary>
/// Word knowledge computed from a collection, to measure the shipped hand-written list against: a
/// first letter that looks like a proclitic belongs to the word when the word without it is rarer than
/// the word with it (<c>وزير</c> vs <c>زير</c>), and a remainder is a word when it occurs at all often.
/// Built at run time from the documents being indexed; never stored.
/// </summary>
internal sealed class Lexicon : IArabicWordKnowledge
{
    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _minCount;

    private Lexicon(Dictionary<string, int> counts, int minCount)
    {
        _counts = counts;
        _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        _minCount = minCount;
    }

    public static Func<IArabicWordKnowledge> Factory(IReadOnlyList<DocumentRecord> documents, int minCount = 5) =>
        () =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            var buffer = new char[256];
            foreach (var document in documents)
                foreach (var text in (string[])[document.Title, document.Body])
                {
                    using var tokenizer = new StandardTokenizer(ArabicSearchAnalyzer.Lucene, new StringReader(text));
                    var term = tokenizer.AddAttribute<ICharTermAttribute>();
                    tokenizer.Reset();
                    while (tokenizer.IncrementToken())
                    {
                        var word = term.Buffer.AsSpan(0, term.Length);
                        if (ArabicPresentationForms.Contains(word))
                            word = ArabicPresentationForms.Expand(word).ToCharArray();
                        if (buffer.Length < word.Length)
                            buffer = new char[word.Length * 2];
                        word.CopyTo(buffer);
                        var length = ArabicLetters.Fold(buffer.AsSpan(0, word.Length), buffer);
                        if (length == 0)
                            continue;
                        var key = buffer.AsSpan(0, length);
                        if (lookup.TryGetValue(key, out var count))
                            lookup[key] = count + 1;
                        else
                            counts[key.ToString()] = 1;
                    }
                    tokenizer.End();
                }
            return new Lexicon(counts, minCount);
        };

    public int Count(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var count) ? count : 0;

    public bool KeepsFirstLetter(ReadOnlySpan<char> word)
    {
        var whole = Count(word);
        return whole >= _minCount && Count(word[1..]) < whole;
    }

    public bool IsWord(ReadOnlySpan<char> word) => Count(word) >= _minCount;

    public bool IsListed(ReadOnlySpan<char> word) => false;
}
