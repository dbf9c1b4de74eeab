namespace Search.Core.Quotes;

/// <summary>
/// The speakers of an archive: the keys its documents' quotations carry (<see cref="Quote.SpeakerKey"/>),
/// each made one speaker with the longer key it surely shortens. Within a document the extraction has
/// already given every mention the fullest name the document writes; across documents a name may be
/// written short (<c>بيسكوف</c>) in one and whole (<c>دميتري بيسكوف</c>) in another. Merged, so the
/// speakers facet does not show one person twice:
/// <list type="bullet">
/// <item>a one-word key into the one longer key that ends with it (<c>بيسكوف</c> → <c>دميتري بيسكوف</c>),
/// not when the word is a father's name there (<c>سلمان</c> is not <c>محمد بن سلمان</c>);</item>
/// <item>a patronymic key of three words or more into the one longer key it begins
/// (<c>محمد بن راشد</c> → <c>محمد بن راشد آل مكتوم</c>).</item>
/// </list>
/// Nothing else merges, so two different people are never one: when two longer keys fit
/// (<c>صالح</c>: <c>محمد صالح</c>, <c>علي عبدالله صالح</c>), the short key stays a speaker of its own.
/// </summary>
internal sealed class SpeakerDirectory
{
    private static readonly HashSet<string> Patronymic = new(["بن", "ابن", "بنت"], StringComparer.Ordinal);

    private const int MinPatronymicPrefixWords = 3;

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    /// <summary>The keys of each speaker that has more than one; a speaker of one key is that key alone.</summary>
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    /// <summary>
    /// Built for every new reader, so at each refresh of a searched index (<c>ReaderSpeakers</c>): each key is split
    /// once and kept with its words, the one longer key is looked for without a list a key, and a speaker of one key
    /// has no list of members. Joining each key's words again, twice, and a list for every speaker were most of it.
    /// </summary>
    public SpeakerDirectory(IEnumerable<string> keys)
    {
        var all = new List<Key>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
            if (key.Length > 0 && seen.Add(key))
                all.Add(new Key(key, key.Split(' ')));
        // Longer keys by their last word, and by their first words, so a patronymic key looks among the keys it can
        // begin, not all of them: read against every key, building the speakers of the corpus's reader allocated
        // 200 MB (an allocation trace of perf.py's searches).
        var byLastWord = new Dictionary<string, List<Key>>(StringComparer.Ordinal);
        var byFirstWords = new Dictionary<string, List<Key>>(StringComparer.Ordinal);
        foreach (var key in all)
        {
            if (key.Words.Length > 1)
                Add(byLastWord, key.Words[^1], key);
            if (key.Words.Length > MinPatronymicPrefixWords)
                Add(byFirstWords, FirstWords(key.Words), key);
        }
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in all)
        {
            var words = key.Words;
            var longer = words.Length == 1
                ? TheOne(byLastWord.GetValueOrDefault(words[0]), candidate => !Patronymic.Contains(candidate.Words[^2]))
                : words.Length >= MinPatronymicPrefixWords && words.Any(Patronymic.Contains)
                    ? TheOne(byFirstWords.GetValueOrDefault(FirstWords(words)),
                        candidate => candidate.Words.Length > words.Length && candidate.Words.AsSpan(0, words.Length).SequenceEqual(words))
                    : null;
            if (longer is not null)
                parent[key.Text] = longer.Text;
        }
        foreach (var key in all)
        {
            var canonical = key.Text;
            while (parent.TryGetValue(canonical, out var next))
                canonical = next;                                    // a short key into a patronymic that itself goes on: الفيصل → تركي بن فيصل الفيصل → تركي بن فيصل الفيصل ال سعود
            _canonical[key.Text] = canonical;
        }
        foreach (var (key, canonical) in _canonical)
            if (key != canonical)
            {
                if (!_members.TryGetValue(canonical, out var members))
                    _members[canonical] = members = [canonical];
                members.Add(key);
            }
    }

    private sealed record Key(string Text, string[] Words);

    private static string FirstWords(string[] words) => string.Join(' ', words, 0, MinPatronymicPrefixWords);

    private static void Add(Dictionary<string, List<Key>> index, string at, Key key)
    {
        if (!index.TryGetValue(at, out var keys))
            index[at] = keys = [];
        keys.Add(key);
    }

    /// <summary>The one candidate that fits; null when none does or more than one.</summary>
    private static Key? TheOne(List<Key>? candidates, Func<Key, bool> fits)
    {
        Key? found = null;
        foreach (var candidate in candidates ?? [])
            if (fits(candidate))
            {
                if (found is not null)
                    return null;
                found = candidate;
            }
        return found;
    }

    /// <summary>The key a speaker is counted and filtered under; an unknown key is its own.</summary>
    public string Canonical(string key) => _canonical.GetValueOrDefault(key, key);

    /// <summary>Every key stored for the speaker of <paramref name="key"/>: what a <c>speaker=</c> filter matches.</summary>
    public IReadOnlyList<string> Members(string key) =>
        Canonical(key) is var canonical && _members.TryGetValue(canonical, out var members) ? members : [canonical];
}
