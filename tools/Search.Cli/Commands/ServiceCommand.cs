using System.Net;
using Refit;
using Search.Cli.Output;
using Search.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// A command that talks to the service: it gets a client for the configured address and key, and turns the ways a
/// call can fail (unreachable service, refused request, Ctrl+C) into a short message and an exit code.
/// </summary>
public abstract class ServiceCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    public const int CancelledExitCode = 130;

    protected abstract Task<int> RunAsync(ISearchApi api, TSettings settings, CancellationToken cancellationToken);

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var api = SearchClientFactory.Create(settings.ServiceUri, settings.ResolveApiKey());
        try
        {
            return await RunAsync(api, settings, cancellationToken);
        }
        catch (ApiRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            ErrorView.Unreachable(settings.ServiceUrl, e);
            return 1;
        }
        catch (ApiException e)
        {
            var keySources = $"--api-key, SEARCH_API_KEY or [bold]{Markup.Escape(settings.KeyFilePath)}[/]";
            var hint = e.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $"No API key was sent: give one with {keySources}.",
                HttpStatusCode.Forbidden => $"The API key was not accepted: check {keySources}.",
                _ => null,
            };
            ErrorView.Refused(ServiceProblem.From(e), hint);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled.[/]");
            return CancelledExitCode;
        }
    }
}
