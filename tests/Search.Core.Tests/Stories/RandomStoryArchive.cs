namespace Search.Core.Tests.Stories;

/// <summary>
/// An archive changing at random, made of a few shared passages so that every kind of story link
/// occurs: copies of one passage (the same text), shortened copies (carried), articles holding two
/// passages (roundups) and passages held by several unrelated articles (fragments), some too short to
/// be carried, some undated. Each batch adds, replaces and deletes documents.
/// </summary>
internal sealed class RandomStoryArchive(int seed)
{
    private const int Passages = 10;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, (int? Day, string Body)> _documents = new(StringComparer.Ordinal);
    private int _next;

    public IReadOnlyDictionary<string, (int? Day, string Body)> Documents => _documents;

    /// <summary>A batch of changes, applied to <see cref="Documents"/>: what was added or replaced, and the ids deleted.</summary>
    public (List<(string Id, int? Day, string Body)> Upserts, string[] Deletions) NextBatch(int size)
    {
        var upserts = new List<(string Id, int? Day, string Body)>();
        var existing = _documents.Keys.Order(StringComparer.Ordinal).ToList();
        var deletions = new List<string>();
        for (var i = 0; i < size; i++)
        {
            var roll = _random.Next(10);
            if (roll < 1 && existing.Count > 0)
                deletions.Add(Take(existing));
            else
                upserts.Add((roll < 2 && existing.Count > 0 ? Take(existing) : $"d{_next++:D3}", Day(), Body()));
        }
        foreach (var id in deletions)
            _documents.Remove(id);
        foreach (var (id, day, body) in upserts)
            _documents[id] = (day, body);
        return (upserts, deletions.ToArray());
    }

    private string Take(List<string> ids)
    {
        var i = _random.Next(ids.Count);
        var id = ids[i];
        ids.RemoveAt(i);
        return id;
    }

    private int? Day() => _random.Next(8) == 0 ? null : _random.Next(5);

    /// <summary>One to three passages, each whole or cut short, sometimes with a sentence of its own.</summary>
    private string Body()
    {
        var parts = new List<string>();
        for (var count = 1 + _random.Next(3) / 2 + _random.Next(4) / 3; count > 0; count--)
        {
            var passage = _random.Next(Passages);
            var length = 4 + passage; // 4 to 13 sentences: the shortest ones are too short to be carried
            var kept = _random.Next(3) == 0 ? length * (5 + _random.Next(5)) / 10 : length;
            parts.Add(StoryTexts.Sentences(passage * 20, passage * 20 + Math.Max(1, kept) - 1));
        }
        if (_random.Next(3) == 0)
            parts.Add(StoryTexts.Sentence(1000 + _next));
        return string.Join(' ', parts);
    }
}
