using Microsoft.Extensions.Options;
using Search.Api.Engine;
using Search.Core;

namespace Search.Api.Features.Inbox;

/// <summary>
/// Looks at the inbox (<c>inbox/</c> of the data folder) every <see cref="SearchOptions.InboxPollInterval"/>
/// and has the engine take what is waiting there; the engine does the reading, storing and moving.
/// </summary>
public sealed class InboxWorker(EngineOpening opening, IOptions<SearchOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The inbox can hold a backlog; WhenOpenAsync never holds up the host's start for it.
        if (await opening.WhenOpenAsync() is not { } engine)
            return;
        using var timer = new PeriodicTimer(options.Value.InboxPollInterval);
        do
        {
            engine.ProcessInbox(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
