using Microsoft.Extensions.Options;
using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// Runs the service to its end and says how it ended, as the process's exit code: 0 when it was asked
/// to stop; 1 when it could not start (invalid options, a data folder another process holds or that
/// cannot be written, a port in use) or when a worker failed, so that a supervisor restarts it. The
/// host alone stops on a worker's failure but exits 0, which a supervisor takes for a clean stop.
/// Each fatal end is one log line naming its cause.
/// </summary>
public static partial class ServiceRun
{
    public const int Failed = 1;

    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceRun).FullName!);
        // Disposing the host flushes the log before the process exits.
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception e)
            {
                await StopQuietlyAsync(app);
                // A worker that fails while the host starts cancels the start: that worker is the cause.
                if (LogFailedWorkers(app, logger) > 0)
                    return Failed;
                if (e is DataFolderException or OptionsValidationException)
                    LogCannotStart(logger, e.Message);
                else
                    LogCannotStartUnexpectedly(logger, e, e.Message);
                return Failed;
            }
            await app.WaitForShutdownAsync();
            return LogFailedWorkers(app, logger) > 0 ? Failed : 0;
        }
    }

    private static int LogFailedWorkers(WebApplication app, ILogger logger)
    {
        IEnumerable<IHostedService> services;
        try
        {
            services = app.Services.GetServices<IHostedService>();
        }
        catch (Exception)
        {
            // The workers could not even be built (invalid options): none ran, the start's own error says why.
            return 0;
        }
        var failed = services.OfType<BackgroundService>().Where(s => s.ExecuteTask is { IsFaulted: true }).ToList();
        foreach (var worker in failed)
            LogWorkerFailed(logger, worker.GetType().Name, worker.ExecuteTask!.Exception!.GetBaseException().Message);
        return failed.Count;
    }

    /// <summary>Stops what had started before the failure (the workers, the engine's indexing) before the host is disposed.</summary>
    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
        catch (Exception)
        {
            // Stopping a host that failed to start can fail in any way (it throws on its own missing
            // state); the process ends either way, and the cause is already logged.
        }
    }

    [LoggerMessage(LogLevel.Critical, "The service cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Critical, "The service cannot start: {Reason}")]
    private static partial void LogCannotStartUnexpectedly(ILogger logger, Exception error, string reason);

    [LoggerMessage(LogLevel.Critical, "{Worker} failed ({Reason}), which stops the service: exit code 1, for its supervisor to restart it")]
    private static partial void LogWorkerFailed(ILogger logger, string worker, string reason);
}
