using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Core.Retrieval.QueryLanguage;

namespace Search.Api.Features.Search;

/// <summary>
/// The 400 for a query that cannot be read: the message under <c>errors.q</c>, and for callers
/// that say it in their own words (the search page, in Arabic) a <c>code</c> naming what is wrong
/// and the <c>position</c> where, counted from 1 in the query as sent, as the message counts it.
/// </summary>
internal static class QueryProblem
{
    public static ValidationProblem From(QuerySyntaxException error) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["q"] = [error.Message] },
            title: "The query cannot be read.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = JsonNamingPolicy.CamelCase.ConvertName(error.Error.ToString()),
                ["position"] = error.Position + 1,
            });
}
