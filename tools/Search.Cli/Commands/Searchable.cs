using Search.Client;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>
/// <c>ingest --wait</c>: what the service acknowledged is durable at once but searchable a moment
/// later (4,781 documents were still pending 10 s after a corpus ingest reported done), so this
/// follows <c>GET /api/status</c> until nothing is pending.
/// </summary>
public static class Searchable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task WaitAsync(ISearchApi api, CancellationToken cancellationToken)
    {
        var status = await api.GetStatusAsync(cancellationToken);
        await AnsiConsole.Status().StartAsync($"Waiting until searchable: {status.Pending:N0} pending", async context =>
        {
            while (status.Pending > 0)
            {
                await Task.Delay(PollInterval, cancellationToken);
                status = await api.GetStatusAsync(cancellationToken);
                context.Status($"Waiting until searchable: {status.Pending:N0} pending");
            }
        });
        AnsiConsole.MarkupLine($"[green]Searchable:[/] the index holds {status.Documents:N0} documents, none pending.");
    }
}
