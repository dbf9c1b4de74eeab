using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>A service that holds the given documents, searchable, before the first test of its class runs.</summary>
public abstract class SeededSearchApiFactory(IReadOnlyList<ArchiveDocument> seed) : SearchApiFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await (await CreateClient().PostNdjsonAsync(seed, wait: true)).ReadAcceptedAsync();
        await CreateApi().SearchAsync(new SearchQuery { Q = "بيان" });
    }

    // The factory's own DisposeAsync stops the host and deletes the folder when xunit disposes the fixture.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
