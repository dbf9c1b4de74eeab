using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The speakers of a whole generation's reader: its keys made one speaker across documents
/// (<see cref="SpeakerDirectory"/>: <c>بيسكوف</c> is <c>دميتري بيسكوف</c> where no other speaker ends so),
/// each named by the fullest name the documents write for it. Built once per reader (a refresh that
/// adds a speaker opens a new one), so the facet, the filter and the listing agree on who is one speaker.
/// </summary>
internal sealed class ReaderSpeakers
{
    private static readonly ConditionalWeakTable<IndexReader, ReaderSpeakers> Cache = new();

    private readonly SpeakerDirectory _directory;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private ReaderSpeakers(IndexReader reader)
    {
        var named = reader.Leaves.Select(leaf => SpeakerValues.For(leaf.AtomicReader))
            .SelectMany(values => values.Keys.Zip(values.Names))
            .ToList();
        _directory = new SpeakerDirectory(named.Select(n => n.First));
        foreach (var (key, name) in named)
        {
            var canonical = _directory.Canonical(key);
            if (!_names.TryGetValue(canonical, out var known) || Fuller(name, known))
                _names[canonical] = name;
        }
    }

    public static ReaderSpeakers For(IndexReader reader) => Cache.GetValue(reader, r => new ReaderSpeakers(r));

    /// <summary>The key a speaker is counted under.</summary>
    public string Canonical(string key) => _directory.Canonical(key);

    /// <summary>Every key the speaker of <paramref name="key"/> is indexed under.</summary>
    public IReadOnlyList<string> Members(string key) => _directory.Members(key);

    /// <summary>The name shown for a speaker: the fullest one written for it; the key itself when none is.</summary>
    public string NameOf(string key) => _names.GetValueOrDefault(Canonical(key), key);

    /// <summary>More words first, then the longer, then the first in ordinal order: the same name whatever the order segments are read in.</summary>
    private static bool Fuller(string name, string than)
    {
        var words = name.Count(c => c == ' ').CompareTo(than.Count(c => c == ' '));
        return words != 0 ? words > 0 : name.Length != than.Length ? name.Length > than.Length : string.CompareOrdinal(name, than) < 0;
    }
}
