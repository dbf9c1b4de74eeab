namespace Search.Core.Stories;

/// <summary>
/// Story lookups from memory: each sample's documents in a hash table. What a rebuild uses while its
/// new generation is being filled (its searcher is not reopened batch by batch), what a batch's own
/// documents are found in, and what the measurements run on. Documents are numbered in the order they
/// were put, and a sample's documents are chained through one array of postings rather than held in a
/// list each: a list a sample was most of the cost of a rebuild's batches (their allocation and zeroing).
/// </summary>
internal sealed class MemoryStoryLookup : IStoryLookup
{
    private readonly Dictionary<string, int> _numbers;
    private readonly List<StoryEntry?> _entries;

    /// <summary>A sample's newest posting and how many live documents hold it.</summary>
    private readonly SampleChains _bySample;

    /// <summary>Postings: a document number and the sample's previous posting (-1 at the end of the chain).</summary>
    private readonly List<(int Number, int Next)> _postings;

    /// <summary>The document numbers a lookup found, marked and listed: unmarked after each lookup by the list, not cleared whole.</summary>
    private bool[] _found;
    private readonly List<int> _candidates = [];

    /// <summary>A lookup's samples held here, as their chains.</summary>
    private readonly List<(int Head, int Count)> _held = [];

    /// <summary>
    /// Samples a document puts in, on average over the corpus (30.1 with <see cref="StoryFingerprinter.Default"/>),
    /// and of those, new ones: copies share theirs (the corpus's 69,541 articles hold over a million distinct samples,
    /// which half fill a table of 4 million slots: 16 a document sizes it so).
    /// </summary>
    private const int SamplesPerDocument = 30, DistinctSamplesPerDocument = 16;

    /// <summary>
    /// Tables are sized ahead for this many documents at most (about 100 MB for the corpus's 69,541): an estimate
    /// over a larger archive could be far off, and its tables grow as they fill instead.
    /// </summary>
    private const int MaxSizedAhead = 1_000_000;

    /// <param name="expectedDocuments">How many documents it will hold, when known: its tables are sized for them at once.</param>
    public MemoryStoryLookup(long expectedDocuments = 0)
    {
        var sized = (int)Math.Clamp(expectedDocuments, 0, MaxSizedAhead);
        _numbers = new(sized, StringComparer.Ordinal);
        _entries = new(sized);
        _bySample = new SampleChains(sized * DistinctSamplesPerDocument);
        _postings = new(sized * SamplesPerDocument);
        _found = new bool[Math.Max(1024, sized)];
    }

    public int Count => _numbers.Count;

    public IEnumerable<StoryEntry> Entries => _entries.OfType<StoryEntry>();

    /// <summary>Adds or replaces a document.</summary>
    public void Put(StoryEntry entry)
    {
        Remove(entry.Id);
        var number = _entries.Count;
        _entries.Add(entry);
        if (number >= _found.Length)
            Array.Resize(ref _found, _found.Length * 2);
        _numbers[entry.Id] = number;
        foreach (var sample in entry.Fingerprint.Samples)
        {
            // One hash lookup a sample: two (read, then write) were a third of putting a document.
            ref var chain = ref _bySample.FindOrAdd(sample, out var held);
            _postings.Add((number, held ? chain.Head : -1));
            (chain.Head, chain.Count) = (_postings.Count - 1, chain.Count + 1);
        }
    }

    /// <summary>Removes a document; its postings stay in the chains, pointing at an empty slot.</summary>
    public void Remove(string id)
    {
        if (!_numbers.Remove(id, out var number))
            return;
        foreach (var sample in _entries[number]!.Fingerprint.Samples)
            _bySample.Find(sample).Count--;
        _entries[number] = null;
    }

    /// <summary>Applies a batch and what <see cref="StoryAssigner"/> made of it.</summary>
    public void Apply(IReadOnlyList<StoryDocument> upserts, IEnumerable<string> deletions, StoryAssignment assignment)
    {
        foreach (var id in deletions)
            Remove(id);
        foreach (var document in upserts)
            Put(new StoryEntry(document.Id, document.Day, document.Fingerprint, assignment.Keys[document.Id]));
        foreach (var (id, key) in assignment.Updates)
            if (_numbers.TryGetValue(id, out var number))
                _entries[number] = _entries[number]! with { Key = key };
    }

    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, SharingBound bound)
    {
        var found = new List<StoryEntry>();
        _held.Clear();
        foreach (var sample in fingerprint.Samples)
        {
            ref var chain = ref _bySample.Find(sample);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref chain) && chain.Count > 0)
                _held.Add((chain.Head, chain.Count));
        }
        // The samples held nowhere are the rarest and take their places among those to follow.
        var follow = bound.SamplesToFollow(fingerprint.Count) - (fingerprint.Count - _held.Count);
        if (follow <= 0)
            return found;
        _held.Sort((a, b) => a.Count.CompareTo(b.Count));
        foreach (var (head, _) in _held.Take(follow))
            for (var posting = head; posting >= 0; posting = _postings[posting].Next)
            {
                var number = _postings[posting].Number;
                if (_entries[number] is not null && !_found[number])
                {
                    _found[number] = true;
                    _candidates.Add(number);
                }
            }
        foreach (var number in _candidates)
        {
            _found[number] = false;
            var entry = _entries[number]!;
            if (bound.Accepts(fingerprint.Shared(entry.Fingerprint), entry.Fingerprint.Count))
                found.Add(entry);
        }
        _candidates.Clear();
        return found;
    }

    public StoryEntry? Find(string id) => _numbers.TryGetValue(id, out var number) ? _entries[number] : null;
}
