namespace Search.Eval;

/// <summary><c>Search.Eval stories …</c>: the measurements of docs/stories.md.</summary>
internal static class StoryCommands
{
    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "pairs" => StoryPairs.Sample(args[1..]),
        "show" => StoryPairs.Show(args[1..]),
        "score" => StoryPairs.Score(args[1..]),
        "stats" => StoryCost.Stats(args[1..]),
        "searches" => StorySearches.Searches(args[1..]),
        "related" => StorySearches.Related(args[1..]),
        "stable" => StoryStability.Stable(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Search.Eval stories pairs --corpus DIR --out FILE [--per-bin N] [--seed S]
                Draw candidate pairs evenly across levels of overlap, for judging (ids and overlap only).
            Search.Eval stories show --corpus DIR --pairs FILE [--skip N] [--count N] [--chars N]
                Print pairs for reading (to the console only).
            Search.Eval stories score --corpus DIR --judged FILE [--variant SPEC]... [--misses true]
                Precision and recall of story variants (words=4,sampling=8,carried=0.7,min=3,bridges=stopped) on judged pairs.
            Search.Eval stories stats --corpus DIR --work DIR [--variant SPEC] [--posts N]
                The corpus's stories and sizes, and what computing them costs (fingerprints, batches, one copy posted at a time).
            Search.Eval stories searches --corpus DIR --work DIR --query Q...
                Near-copy pairs in the first ten results of searches, as served and with stories collapsed.
            Search.Eval stories related --corpus DIR --work DIR [--count N] [--examples N]
                How many copies "more like this" alone ranks in its first ten, and what related answers.
            Search.Eval stories stable --corpus DIR --work DIR
                Story keys of the corpus posted batch by batch, rebuilt, and worked out at once: how many differ (exit 1 if any).
            """);
        return 2;
    }
}
