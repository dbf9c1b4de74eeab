using System.Globalization;
using System.Web;
using Search.Core.Text.Dates;
using Search.Core.Retrieval;

namespace Search.Bench.Modes;

/// <summary>A query log: one search a line, written as the query string of <c>GET /api/search</c>.</summary>
public static class QueryLog
{
    public static IReadOnlyList<string> Read(string path) =>
        File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();

    /// <summary>The request a line stands for, read as the service reads it (only what the log uses).</summary>
    public static SearchRequest ToRequest(string line, int? size = null)
    {
        var query = HttpUtility.ParseQueryString(line);
        return new SearchRequest(
            query["q"],
            Date(query["from"]),
            Date(query["to"]),
            query["source"],
            query["sort"] is { } sort ? Enum.Parse<SortOrder>(sort, ignoreCase: true) : null,
            Size: size ?? (query["size"] is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 10),
            Interval: query["interval"] is { } interval ? Enum.Parse<DateInterval>(interval, ignoreCase: true) : DateInterval.Month,
            Snippets: query["snippets"] is not { } snippets || bool.Parse(snippets));
    }

    private static DateOnly? Date(string? text) => DateReader.TryRead(text, out var date) ? date : null;
}
