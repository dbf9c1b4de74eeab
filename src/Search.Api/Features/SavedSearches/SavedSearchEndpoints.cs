using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Search.Api.Engine;
using Search.Api.Features.Feeds;
using Search.Api.Features.Search;
using Search.Api.Protection;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Following;
using Search.Core.Ingest.Json;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.SavedSearches;

/// <summary>
/// Saved searches (admin key): store one with its search parameters (read by the search's own reader)
/// and optionally a webhook, list, look at one with its alerts' state, remove one; and each one's feed,
/// open to whoever knows its id.
/// </summary>
public static class SavedSearchEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Longest name: a label, not a document.</summary>
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapSavedSearches(this RouteGroupBuilder api)
    {
        var saved = api.MapGroup("/saved-searches");
        var admin = saved.MapGroup("").RequireAdminKey().RequireWriteLimits();
        admin.MapPost("", Create)
            .WithName("CreateSavedSearch")
            .WithSummary("Saves a search to follow: every document indexed from now on that it matches is sent to its webhook (when given) and shows in its feed.")
            .Accepts<SavedSearchCreate>("application/json");
        admin.MapGet("", List).WithName("ListSavedSearches");
        admin.MapGet("/{id}", Get).WithName("GetSavedSearch").WithSummary("A saved search with the state of its alerts: pending, delivered, last error.");
        admin.MapDelete("/{id}", Delete).WithName("DeleteSavedSearch").WithSummary("Removes a saved search and its undelivered alerts.");
        saved.MapGet("/{id}/feed", Feed)
            .WithName("SavedSearchFeed")
            .WithSummary("A saved search's Atom feed (no key: its id is the secret).")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        return api;
    }

    private static async Task<Results<Created<SavedSearchInfo>, ValidationProblem, ProblemHttpResult>> Create(HttpRequest request, SearchEngine engine,
        WebhookPolicy policy, IOptions<SearchOptions> options)
    {
        // Read whole (within the size limit, however it is sent), so a fault is placed by line and column in characters.
        var (utf8, tooLarge) = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, request.HttpContext.RequestAborted);
        if (tooLarge is not null)
            return tooLarge;
        SavedSearchCreate? body;
        try
        {
            body = utf8!.Length == 0 ? null : JsonSerializer.Deserialize<SavedSearchCreate>(utf8, Json);
        }
        catch (JsonException e)
        {
            var at = e.Path is { Length: > 1 } path ? $" (at {path})" : "";
            return Invalid("body", $"The body is not a saved search as JSON ({{\"name\": …, \"search\": {{\"q\": …}}, \"webhook\": …}}): "
                + JsonErrorText.InBody(e, utf8) + at);
        }
        if (body is null)
            return Invalid("body", "The body is empty; send {\"name\": …, \"search\": {\"q\": …}, \"webhook\": …}.");

        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["A saved search needs a name."];
        else if (name.Length > MaxNameLength)
            errors["name"] = [$"The name is {name.Length} characters long; at most {MaxNameLength}."];
        // A name is a feed's title (XML takes no control characters) and a database's text (PostgreSQL takes no NUL).
        else if (name.Any(char.IsControl))
            errors["name"] = ["The name holds control characters; a name is one line of text."];

        var parameters = body.Search ?? new SavedSearchParameters();
        var asSearched = new SearchParameters
        {
            Q = parameters.Q, From = parameters.From, To = parameters.To, Source = parameters.Source, Lang = parameters.Lang,
            Collapse = parameters.Collapse, Speaker = parameters.Speaker, In = parameters.In,
        };
        SearchRequestReader.TryRead(asSearched, out var searchRequest, out var searchErrors);
        foreach (var (key, value) in searchErrors)
            errors[$"search.{key}"] = value;

        if (policy.Refusal(body.Webhook, out var webhook) is { } refusal)
            errors["webhook"] = [refusal];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The saved search is not valid.");

        SavedSearch saved;
        try
        {
            saved = engine.SaveSearch(name, SavedQuery.Of(searchRequest), webhook);
        }
        catch (QuerySyntaxException e)
        {
            return Invalid("search.q", e.Message);
        }
        var info = ToContract(engine.FindSavedSearch(saved.Id) ?? new SavedSearchState(saved, 0, 0, null, null, null));
        return TypedResults.Created($"/api/saved-searches/{saved.Id}", info);
    }

    private static Ok<List<SavedSearchInfo>> List(SearchEngine engine) => TypedResults.Ok(engine.SavedSearches().Select(ToContract).ToList());

    private static Results<Ok<SavedSearchInfo>, ProblemHttpResult> Get(string id, SearchEngine engine) =>
        engine.FindSavedSearch(id) is { } state ? TypedResults.Ok(ToContract(state)) : Unknown(id);

    private static Results<NoContent, ProblemHttpResult> Delete(string id, SearchEngine engine) =>
        engine.DeleteSavedSearch(id) ? TypedResults.NoContent() : Unknown(id);

    private static IResult Feed(string id, string? size, HttpContext context, SearchEngine engine)
    {
        if (engine.FindSavedSearch(id) is not { } state)
            return Unknown(id);
        var errors = new Dictionary<string, string[]>();
        if (FeedResponse.ReadSize(size, errors) is not { } entries)
            return TypedResults.ValidationProblem(errors, title: "The feed's parameters are not valid.");
        var search = state.Search;
        var query = ToParameters(search.Query);
        var pageQuery = "?" + string.Join("&", PageParameters(query).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return FeedResponse.Answer(context, search.Name, $"/api/saved-searches/{Uri.EscapeDataString(id)}/feed{context.Request.QueryString}",
            pageQuery, engine.Feed(search.Query.ToRequest() with { Size = entries }));
    }

    private static ProblemHttpResult Unknown(string id) =>
        TypedResults.Problem($"There is no saved search '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown saved search");

    private static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }, title: "The saved search is not valid.");

    public static SavedSearchInfo ToContract(SavedSearchState state)
    {
        var search = state.Search;
        return new SavedSearchInfo(search.Id, search.Name, ToParameters(search.Query), search.Webhook?.AbsoluteUri, search.Created,
            $"/api/saved-searches/{search.Id}/feed", search.MatchedThrough,
            new AlertDeliveryState(state.Pending, state.Delivered, state.LastDelivered, state.LastError, state.NextAttempt));
    }

    private static SavedSearchParameters ToParameters(SavedQuery query) => new(
        string.IsNullOrEmpty(query.Text) ? null : query.Text,
        query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        query.Source,
        query.Lang,
        query.Speaker,
        query.InQuotes ? "quotes" : null,
        query.Collapse ? null : "none");

    private static IEnumerable<KeyValuePair<string, string>> PageParameters(SavedSearchParameters p)
    {
        if (p.Q is { } q) yield return new("q", q);
        if (p.From is { } from) yield return new("from", from);
        if (p.To is { } to) yield return new("to", to);
        if (p.Source is { } source) yield return new("source", source);
        if (p.Lang is { } lang) yield return new("lang", lang);
        if (p.Speaker is { } speaker) yield return new("speaker", speaker);
        if (p.In is { } inPart) yield return new("in", inPart);
        yield return new("sort", "newest");
    }
}
