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
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);

    public SpeakerDirectory(IEnumerable<string> keys)
    {
        var all = keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Select(k => k.Split(' ')).ToList();
        var byLastWord = all.Where(w => w.Length > 1).ToLookup(w => w[^1], StringComparer.Ordinal);
        // Longer keys by their first words, so a patronymic key looks among the keys it can begin, not all of
        // them: read against every key, building the speakers of the corpus's reader allocated 200 MB
        // (an allocation trace of perf.py's searches), and it is built again for every new reader.
        var byFirstWords = all.Where(w => w.Length > MinPatronymicPrefixWords)
            .ToLookup(w => string.Join(' ', w, 0, MinPatronymicPrefixWords), StringComparer.Ordinal);
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var words in all)
        {
            var longer = words.Length == 1
                ? byLastWord[words[0]].Where(w => !Patronymic.Contains(w[^2])).ToList()
                : words.Length >= MinPatronymicPrefixWords && words.Any(Patronymic.Contains)
                    ? byFirstWords[string.Join(' ', words, 0, MinPatronymicPrefixWords)]
                        .Where(w => w.Length > words.Length && w.AsSpan(0, words.Length).SequenceEqual(words)).ToList()
                    : [];
            if (longer.Count == 1)
                parent[string.Join(' ', words)] = string.Join(' ', longer[0]);
        }
        foreach (var words in all)
        {
            var key = string.Join(' ', words);
            var canonical = key;
            while (parent.TryGetValue(canonical, out var next))
                canonical = next;                                    // a short key into a patronymic that itself goes on: الفيصل → تركي بن فيصل الفيصل → تركي بن فيصل الفيصل ال سعود
            _canonical[key] = canonical;
            if (!_members.TryGetValue(canonical, out var members))
                _members[canonical] = members = [];
            members.Add(key);
        }
    }

    /// <summary>The key a speaker is counted and filtered under; an unknown key is its own.</summary>
    public string Canonical(string key) => _canonical.GetValueOrDefault(key, key);

    /// <summary>Every key stored for the speaker of <paramref name="key"/>: what a <c>speaker=</c> filter matches.</summary>
    public IReadOnlyList<string> Members(string key) =>
        _members.TryGetValue(Canonical(key), out var members) ? members : [key];
}
