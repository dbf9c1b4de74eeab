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
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<StoryEntry?> _entries = [];

    /// <summary>A sample's newest posting and how many live documents hold it.</summary>
    private readonly Dictionary<uint, (int Head, int Count)> _bySample = [];

    /// <summary>Postings: a document number and the sample's previous posting (-1 at the end of the chain).</summary>
    private readonly List<(int Number, int Next)> _postings = [];

    /// <summary>Shared samples counted a document number, and the numbers counted: reset after each lookup by what it touched, not cleared whole.</summary>
    private int[] _counts = new int[1024];
    private readonly List<int> _touched = [];

    public int Count => _numbers.Count;

    public IEnumerable<StoryEntry> Entries => _entries.OfType<StoryEntry>();

    /// <summary>Adds or replaces a document.</summary>
    public void Put(StoryEntry entry)
    {
        Remove(entry.Id);
        var number = _entries.Count;
        _entries.Add(entry);
        if (number >= _counts.Length)
            Array.Resize(ref _counts, _counts.Length * 2);
        _numbers[entry.Id] = number;
        foreach (var sample in entry.Fingerprint.Samples)
        {
            var (head, count) = _bySample.GetValueOrDefault(sample, (-1, 0));
            _postings.Add((number, head));
            _bySample[sample] = (_postings.Count - 1, count + 1);
        }
    }

    /// <summary>Removes a document; its postings stay in the chains, pointing at an empty slot.</summary>
    public void Remove(string id)
    {
        if (!_numbers.Remove(id, out var number))
            return;
        foreach (var sample in _entries[number]!.Fingerprint.Samples)
        {
            var (head, count) = _bySample[sample];
            _bySample[sample] = (head, count - 1);
        }
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

    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared)
    {
        foreach (var sample in fingerprint.Samples)
        {
            if (!_bySample.TryGetValue(sample, out var chain))
                continue;
            for (var posting = chain.Head; posting >= 0; posting = _postings[posting].Next)
            {
                var number = _postings[posting].Number;
                if (_entries[number] is not null && _counts[number]++ == 0)
                    _touched.Add(number);
            }
        }
        var found = new List<StoryEntry>();
        foreach (var number in _touched)
        {
            if (_counts[number] >= minShared)
                found.Add(_entries[number]!);
            _counts[number] = 0;
        }
        _touched.Clear();
        return found;
    }

    public StoryEntry? Find(string id) => _numbers.TryGetValue(id, out var number) ? _entries[number] : null;
}
