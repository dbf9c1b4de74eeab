using System.Text.Json;
using Refit;

namespace Search.Client;

/// <summary>Creates an <see cref="ISearchApi"/> for a service address, with the service's JSON conventions.</summary>
public static class SearchClientFactory
{
    public static ISearchApi Create(HttpClient httpClient) =>
        RestService.For<ISearchApi>(httpClient, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        });

    public static ISearchApi Create(Uri baseAddress, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrEmpty(apiKey))
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return Create(http);
    }
}
