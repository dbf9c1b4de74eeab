using Search.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C lets the command stop between requests and report what it did; a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// Spectre wraps output that is not a terminal at 80 columns; COLUMNS (as shells export it) widens logs and pipes.
if (Console.IsOutputRedirected && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
    AnsiConsole.Profile.Width = columns;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("Search.Cli");
    config.AddCommand<IngestCommand>("ingest")
        .WithDescription("Send JSON Lines archives and statement pages (.jsonl, .jsonl.gz, .txt, .html, .htm, or folders of them) to the service.")
        .WithExample("ingest", "archive/2019.jsonl.gz")
        .WithExample("ingest", "saved-pages/")
        .WithExample("ingest", "statements.jsonl", "saved-pages/", "--wait")
        .WithExample("ingest", "archive", "--batch", "500", "--stop-on-error");
    config.AddCommand<SearchCommand>("search")
        .WithDescription("Search the archive and show hits, dates and sources.")
        .WithExample("search", "\"وزير الخارجية\"", "--from", "2019-01-01", "--sort", "newest")
        .WithExample("search", "\"\"", "--source", "SPA", "--interval", "year");
    config.AddCommand<ExportCommand>("export")
        .WithDescription("Write every match of a search (not a page) to a CSV file for spreadsheets or JSON Lines that ingest takes back.")
        .WithExample("export", "\"الكرملين العراق\"", "--out", "kremlin-iraq.csv")
        .WithExample("export", "\"\"", "--from", "2021-01-01", "--format", "jsonl", "--out", "2021.jsonl");
    config.AddCommand<StoryCommand>("story")
        .WithDescription("Show who carried a story, the first carrier first, how many days later the others did and what they share.")
        .WithExample("story", "3f2a9c0d1e4b5a67");
    config.AddCommand<RelatedCommand>("related")
        .WithDescription("Show a document's related documents: the other copies of its story first, then documents on its subject.")
        .WithExample("related", "sample-001", "--size", "5");
    config.AddCommand<StatusCommand>("status")
        .WithDescription("Show what the service says about its index.");
    config.AddCommand<StatsCommand>("stats")
        .WithDescription("Show the archive and index as administrators see them (needs the admin key).");
    config.AddCommand<ReindexCommand>("reindex")
        .WithDescription("Rebuild the index from the archive while searches keep being answered (needs the admin key).")
        .WithExample("reindex", "--wait");
    config.AddCommand<BackupCommand>("backup")
        .WithDescription("Save a consistent copy of the service's SQLite archive, taken while it runs (needs the admin key).")
        .WithExample("backup", "--out", "archive-backup.db");
    config.AddCommand<RestoreCommand>("restore")
        .WithDescription("Put a backup in place as the archive of an empty data folder; a service started on it builds its index from it.")
        .WithExample("restore", "--from", "archive-backup.db", "--data", "restored-data");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Run a judged query set against the service and print nDCG@10, MRR@10, Recall@100 (and write the run).")
        .WithExample("eval", "--queries", "../shared/dev-eval/queries.jsonl", "--qrels", "../shared/dev-eval/qrels.tsv", "--run", "dev.run.tsv");
});
return await app.RunAsync(args, cancellation.Token);
