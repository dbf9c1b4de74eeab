using System.ComponentModel;
using Search.Client;
using Search.Client.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>Starts a rebuild of the index from the archive and, with <c>--wait</c>, follows it with a progress bar.</summary>
public sealed class ReindexCommand : ServiceCommand<ReindexCommand.Settings>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--wait")]
        [Description("Follow the rebuild until it ends, with a progress bar; Ctrl+C stops following, not the rebuild.")]
        public bool Wait { get; init; }
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        var started = await api.StartReindexAsync(cancellationToken);
        AnsiConsole.MarkupLine($"Reindex [bold]{Markup.Escape(started.JobId)}[/] started; searches keep being answered from the current index.");
        if (!settings.Wait)
        {
            AnsiConsole.MarkupLine($"Follow it with [grey]GET /api/admin/reindex/{Markup.Escape(started.JobId)}[/].");
            return 0;
        }

        ReindexStatus status = await api.GetReindexAsync(started.JobId, cancellationToken);
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Rebuilding", maxValue: Math.Max(1, status.Total));
                while (status.State == "running")
                {
                    await Task.Delay(PollInterval, cancellationToken);
                    status = await api.GetReindexAsync(started.JobId, cancellationToken);
                    task.MaxValue = Math.Max(1, status.Total);
                    task.Value = status.Processed;
                    task.Description = $"Rebuilding ({status.Processed:N0}/{status.Total:N0}, {status.DocumentsPerSecond:N0} docs/s)";
                }
                task.Value = task.MaxValue;
            });

        var colour = status.State == "succeeded" ? "green" : "red";
        AnsiConsole.MarkupLine($"[{colour}]{status.State}[/]: {status.Processed:N0} archive rows in {status.ElapsedSeconds:N1} s, generation {status.Generation}"
            + (status.Error is null ? "" : $" — {Markup.Escape(status.Error)}"));
        return status.State == "succeeded" ? 0 : 1;
    }
}
