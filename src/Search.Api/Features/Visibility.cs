using Search.Core;

namespace Search.Api.Features;

/// <summary>What <c>?wait=true</c> does on the ingest endpoints.</summary>
public static class Visibility
{
    /// <summary>How long a request waits for what it stored to become searchable.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Returns once the index has reached <paramref name="sequence"/>, or after at most 30 seconds.</summary>
    public static async Task WaitUntilSearchableAsync(this SearchEngine engine, long sequence, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MaxWait);
        try
        {
            await engine.Feeder.WaitUntilVisibleAsync(sequence, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
