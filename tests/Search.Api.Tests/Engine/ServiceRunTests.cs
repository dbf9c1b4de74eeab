using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Search.Api.Engine;
using Search.Api.Tests.TestSupport;
using Search.Core;

namespace Search.Api.Tests.Engine;

/// <summary>
/// The exit code <see cref="ServiceRun"/> gives a host (the one the service's Main returns): a worker
/// that fails stops the host, which on its own would exit 0, and the run ends with 1 and a line naming
/// the worker and the cause; a start that fails ends with 1 and a line saying why.
/// </summary>
public sealed class ServiceRunTests
{
    private sealed class FailingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the archive went away");
        }
    }

    private sealed class FailingStart : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            throw new DataFolderException("The data folder /srv/search cannot be written: read-only file system");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static (WebApplication App, CapturedLog Log) Host(Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var log = new CapturedLog();
        builder.Logging.ClearProviders().AddProvider(log);
        builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
        services(builder.Services);
        return (builder.Build(), log);
    }

    [Fact]
    public async Task A_failed_worker_ends_the_run_with_1_and_a_line_naming_it()
    {
        var (app, log) = Host(services => services.AddHostedService<FailingWorker>());

        var exit = await ServiceRun.RunAsync(app);

        Assert.Equal(ServiceRun.Failed, exit);
        Assert.True(log.Containing("FailingWorker failed (the archive went away), which stops the service: exit code 1").Count == 1, string.Join("\n", log.Entries.Select(e => $"{e.Level} {e.Message}")));
    }

    [Fact]
    public async Task A_failed_start_ends_the_run_with_1_and_a_line_saying_why()
    {
        var (app, log) = Host(services => services.AddHostedService<FailingStart>());

        var exit = await ServiceRun.RunAsync(app);

        Assert.Equal(ServiceRun.Failed, exit);
        Assert.Equal(["The service cannot start: The data folder /srv/search cannot be written: read-only file system"],
            log.Entries.Where(e => e.Level == LogLevel.Critical).Select(e => e.Message));
    }
}
