namespace Search.Core.Stories;

/// <summary>
/// The passage two copies share: the longest run of words they have in common, compared folded (so
/// diacritics, letter forms and punctuation do not break it), given as the span of the first text
/// where it is written. What <c>GET /api/stories/{id}</c> shows beside the carriers.
/// </summary>
internal readonly record struct SharedPassage(int Start, int Length, int Words)
{
    /// <summary>Runs are found from a three-word seed; shorter common runs are not a shared passage.</summary>
    private const int SeedWords = 3;

    /// <summary>Positions a seed is looked for at in the second text: repeated formulas would make it quadratic.</summary>
    private const int MaxSeedPositions = 16;

    public static readonly SharedPassage None = new(0, 0, 0);

    public bool IsEmpty => Words == 0;

    public string TextIn(string first) => first.Substring(Start, Length);

    /// <summary>The longest passage <paramref name="first"/> shares with <paramref name="second"/>; <see cref="None"/> when they share none.</summary>
    public static SharedPassage Between(string? first, string? second)
    {
        if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(second))
            return None;
        var a = StoryFingerprinter.Words(first);
        var b = StoryFingerprinter.Words(second);
        var seeds = new Dictionary<(ulong, ulong, ulong), List<int>>();
        for (var j = 0; j + SeedWords <= b.Count; j++)
        {
            var seed = (b[j].Hash, b[j + 1].Hash, b[j + 2].Hash);
            if (!seeds.TryGetValue(seed, out var positions))
                seeds[seed] = positions = [];
            if (positions.Count < MaxSeedPositions)
                positions.Add(j);
        }
        int bestStart = 0, bestWords = 0;
        for (var i = 0; i + SeedWords <= a.Count; i++)
        {
            if (!seeds.TryGetValue((a[i].Hash, a[i + 1].Hash, a[i + 2].Hash), out var positions))
                continue;
            foreach (var j in positions)
            {
                if (i > 0 && j > 0 && a[i - 1].Hash == b[j - 1].Hash)
                    continue; // inside a run already measured from its start
                var run = SeedWords;
                while (i + run < a.Count && j + run < b.Count && a[i + run].Hash == b[j + run].Hash)
                    run++;
                if (run > bestWords)
                    (bestStart, bestWords) = (i, run);
            }
        }
        if (bestWords == 0)
            return None;
        var last = a[bestStart + bestWords - 1];
        return new SharedPassage(a[bestStart].Start, last.Start + last.Length - a[bestStart].Start, bestWords);
    }
}
