using System.Net;
using System.Text.Json;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests;

/// <summary>
/// The OpenAPI document declares the admin key as a security scheme and requires it on exactly the
/// operations that answer 401 without it: each operation of the document is called without a key.
/// </summary>
public sealed class AdminKeyOpenApiTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task The_document_declares_the_admin_key_header_as_an_api_key_scheme()
    {
        var document = await factory.CreateAnonymousClient().GetJsonAsync("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("AdminKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.Contains("admin.key", scheme.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Exactly_the_operations_that_refuse_a_call_without_the_key_require_it()
    {
        var client = factory.CreateAnonymousClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var checkedOperations = new List<string>();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var method = operation.Name.ToUpperInvariant();
            var uri = path.Name.Replace("{id}", "no-such-id").Replace("{jobId}", "no-such-job");
            using var request = new HttpRequestMessage(new HttpMethod(method), uri);
            if (operation.Value.TryGetProperty("requestBody", out var body))
                request.Content = new StringContent("", null, body.GetProperty("content").EnumerateObject().First().Name);
            using var response = await client.SendAsync(request);

            var requiresKey = operation.Value.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("AdminKey", out _));
            Assert.True(requiresKey == (response.StatusCode == HttpStatusCode.Unauthorized),
                $"{method} {path.Name}: answered {(int)response.StatusCode} without a key, but the document {(requiresKey ? "requires" : "does not require")} it");
            if (requiresKey)
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path.Name} does not list its 401");
            checkedOperations.Add($"{method} {path.Name}");
        }

        Assert.Contains("POST /api/documents", checkedOperations);
        Assert.Contains("POST /api/admin/reindex", checkedOperations);
        Assert.Contains("GET /api/search", checkedOperations);
    }

    /// <summary>
    /// The README's table of endpoints lists every operation of the document, and says "needed" in its
    /// admin key column for exactly those the document requires the key on (and so, by the test above,
    /// those that answer 401 without it).
    /// </summary>
    [Fact]
    public async Task The_readme_lists_every_operation_with_whether_it_needs_the_admin_key()
    {
        var readme = Repository.Readme();
        var table = readme.Split("Every endpoint:")[1].Split("\n\n")[1].Split('\n')
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var document = await factory.CreateAnonymousClient().GetJsonAsync("/openapi/v1.json");

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var endpoint = $"`{operation.Name.ToUpperInvariant()} {path.Name}";
            var row = table.FirstOrDefault(r => r.Contains(endpoint + "`", StringComparison.Ordinal) || r.Contains(endpoint + "?", StringComparison.Ordinal));
            Assert.True(row is not null, $"{endpoint[1..]} is not in the README's table of endpoints");
            var requiresKey = operation.Value.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("AdminKey", out _));
            var keyColumn = row.Split('|')[2];
            Assert.True(requiresKey == keyColumn.Contains("needed", StringComparison.Ordinal),
                $"{endpoint[1..]}: the README says the admin key is {(keyColumn.Contains("needed") ? "needed" : "not needed")}, the OpenAPI document {(requiresKey ? "requires" : "does not require")} it");
        }
    }
}
