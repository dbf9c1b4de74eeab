using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Search.Core.Index;
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
    private static readonly BuiltOnce<IndexReader, ReaderSpeakers> Built = new();

    private readonly SpeakerDirectory _directory;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// Each key's canonical key, worked out once: the facet asks it of every speaker of every search's
    /// matches, and asking the directory each time was most of a search's time (p50 6.9 ms against
    /// 2.0 ms without the facet, Search.Bench queries on the corpus).
    /// </summary>
    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    /// <summary>Each speaker's index (by canonical key) and name: the facet counts into an array by index.</summary>
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly List<string> _speakerNames = [];

    /// <summary>Each speaker's place in the order of names: the facet breaks ties between counts by it, an integer compare instead of two names'.</summary>
    private readonly int[] _nameRanks;

    private readonly ConditionalWeakTable<SpeakerValues, int[]> _speakersAt = new();

    private ReaderSpeakers(IndexReader reader)
    {
        var segments = reader.Leaves.Select(leaf => SpeakerValues.For(leaf.AtomicReader)).ToList();
        _directory = new SpeakerDirectory(segments.SelectMany(values => values.Keys));
        // Each speaker's documents, by canonical key in the order first met (as its fullest name is worked out).
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var values in segments)
            for (var ordinal = 0; ordinal < values.Keys.Length; ordinal++)
            {
                var (key, name) = (values.Keys[ordinal], values.Names[ordinal]);
                if (!_canonical.TryGetValue(key, out var canonical))
                    _canonical[key] = canonical = _directory.Canonical(key);
                if (!_names.TryGetValue(canonical, out var known) || Fuller(name, known))
                    _names[canonical] = name;
                CollectionsMarshal.GetValueRefOrAddDefault(documents, canonical, out _) += values.DocumentsPerName[ordinal];
            }
        foreach (var canonical in MostQuotedFirst(documents))
        {
            _indexOf[canonical] = _speakerNames.Count;
            _speakerNames.Add(_names[canonical]);
        }
        var byName = new int[_speakerNames.Count];
        for (var index = 0; index < byName.Length; index++)
            byName[index] = index;
        Array.Sort(byName, Comparer<int>.Create((a, b) =>
            string.CompareOrdinal(_speakerNames[a], _speakerNames[b]) is var order and not 0 ? order : a.CompareTo(b)));
        _nameRanks = new int[byName.Length];
        for (var rank = 0; rank < byName.Length; rank++)
            _nameRanks[byName[rank]] = rank;
    }

    /// <summary>
    /// The speakers, those quoted in the most documents first (ties in the order met): their indexes are where
    /// the facet counts them, and a search's matches mostly quote the most quoted, so their counts share a few
    /// cache lines. In the order met before, the load of a match's count missed the cache: half the speakers
    /// facet's counting time, which was 5.4% of a search under perf.py's load (a perf profile of the service).
    /// </summary>
    private static string[] MostQuotedFirst(Dictionary<string, int> documents)
    {
        var (speakers, order) = (new string[documents.Count], new (int Documents, int Met)[documents.Count]);
        var met = 0;
        foreach (var (canonical, count) in documents)
            (speakers[met], order[met]) = (canonical, (count, met++));
        Array.Sort(order, speakers, Comparer<(int Documents, int Met)>.Create((a, b) =>
            a.Documents != b.Documents ? b.Documents.CompareTo(a.Documents) : a.Met.CompareTo(b.Met)));
        return speakers;
    }

    /// <summary>How many speakers the reader holds: <see cref="SpeakersAt"/> gives indexes below it.</summary>
    public int Count => _speakerNames.Count;

    /// <summary>The name shown for the speaker of index <paramref name="index"/>.</summary>
    public string NameAt(int index) => _speakerNames[index];

    /// <summary>The place of the speaker of index <paramref name="index"/> in the order of names (<see cref="NameAt"/>, ordinal).</summary>
    public int NameRank(int index) => _nameRanks[index];

    /// <summary>
    /// A segment's documents' speakers as indexes, laid out as <see cref="SpeakerValues.Starts"/> says; worked out
    /// once a segment, so that counting a match reads its speakers' indexes straight, not its names' ordinals first.
    /// </summary>
    public int[] SpeakersAt(SpeakerValues values)
    {
        lock (_speakersAt)
        {
            if (_speakersAt.TryGetValue(values, out var known))
                return known;
            var speakers = values.Map(values.Keys.Select(key => _indexOf[Canonical(key)]).ToArray());
            _speakersAt.Add(values, speakers);
            return speakers;
        }
    }

    public static ReaderSpeakers For(IndexReader reader) => Built.For(reader, reader, static r => new ReaderSpeakers(r));

    /// <summary>Whether <paramref name="reader"/>'s speakers were asked for (and so built, or being built).</summary>
    public static bool WereAskedOf(IndexReader reader) => Built.Holds(reader);

    /// <summary>The key a speaker is counted under.</summary>
    public string Canonical(string key) => _canonical.TryGetValue(key, out var canonical) ? canonical : _directory.Canonical(key);

    /// <summary>Every key the speaker of <paramref name="key"/> is indexed under.</summary>
    public IReadOnlyList<string> Members(string key) => _directory.Members(key);

    /// <summary>The name shown for a speaker: the fullest one written for it; the key itself when none is.</summary>
    public string NameOf(string key) => _names.GetValueOrDefault(Canonical(key), key);

    /// <summary>More words first, then the longer, then the first in ordinal order: the same name whatever the order segments are read in.</summary>
    private static bool Fuller(string name, string than)
    {
        var words = name.AsSpan().Count(' ').CompareTo(than.AsSpan().Count(' '));
        return words != 0 ? words > 0 : name.Length != than.Length ? name.Length > than.Length : string.CompareOrdinal(name, than) < 0;
    }
}
