using System.Globalization;
using Search.Core.Text.Dates;
using Search.Core.Languages;
using Search.Core.Retrieval;

namespace Search.Api.Features.Search;

/// <summary>Validates the query string of a search; each problem is keyed by the parameter's name.</summary>
public static class SearchRequestReader
{
    private static readonly Dictionary<string, SortOrder> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["relevance"] = SortOrder.Relevance,
        ["newest"] = SortOrder.Newest,
        ["oldest"] = SortOrder.Oldest,
    };

    private static readonly Dictionary<string, DateInterval> Intervals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = DateInterval.Year,
        ["month"] = DateInterval.Month,
        ["day"] = DateInterval.Day,
    };

    public static bool TryRead(SearchParameters parameters, out SearchRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var from = ReadDate(parameters.From, "from", errors);
        var to = ReadDate(parameters.To, "to", errors);
        if (from is not null && to is not null && from > to)
            errors["from"] = [$"'from' ({parameters.From}) is after 'to' ({parameters.To})."];

        SortOrder? sort = null;
        if (!string.IsNullOrWhiteSpace(parameters.Sort))
        {
            if (Sorts.TryGetValue(parameters.Sort.Trim(), out var s)) sort = s;
            else errors["sort"] = [$"'{parameters.Sort}' is not a sort order; use relevance, newest or oldest."];
        }

        var interval = DateInterval.Month;
        if (!string.IsNullOrWhiteSpace(parameters.Interval) && !Intervals.TryGetValue(parameters.Interval.Trim(), out interval))
            errors["interval"] = [$"'{parameters.Interval}' is not an interval; use year, month or day."];

        var page = ReadInt(parameters.Page, "page", 1, 1, int.MaxValue, errors);
        var size = ReadInt(parameters.Size, "size", 10, 1, SearchRequest.MaxSize, errors);
        if (!errors.ContainsKey("page") && !errors.ContainsKey("size") && (long)page * size > SearchRequest.MaxWindow)
            errors["page"] = [$"page × size may be at most {SearchRequest.MaxWindow}; to go deeper, follow nextCursor with the cursor parameter."];

        SearchCursor? after = null;
        if (!string.IsNullOrWhiteSpace(parameters.Cursor))
        {
            if (!SearchCursor.TryDecode(parameters.Cursor.Trim(), out after))
                errors["cursor"] = ["The cursor is not one this service gave out; pass the nextCursor of a previous answer unchanged."];
            else if (page != 1)
                errors["page"] = ["Give either page or cursor, not both."];
            else if (sort is not null && sort != after.Sort)
                errors["cursor"] = [$"The cursor continues a search sorted by {after.Sort.ToString().ToLowerInvariant()}; keep that sort."];
            else
                sort = after.Sort;
        }

        string? lang = null;
        if (!string.IsNullOrWhiteSpace(parameters.Lang))
        {
            if (LanguageCode.TryNormalize(parameters.Lang, out var code)) lang = code;
            else errors["lang"] = [$"'{parameters.Lang}' is not a language code; use e.g. ar, en, ru or fr."];
        }

        var collapse = true;
        if (!string.IsNullOrWhiteSpace(parameters.Collapse))
        {
            if (parameters.Collapse.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) collapse = false;
            else if (!parameters.Collapse.Trim().Equals("story", StringComparison.OrdinalIgnoreCase))
                errors["collapse"] = [$"'{parameters.Collapse}' is not a way to collapse; use story (each story once, the default) or none."];
        }

        var snippets = true;
        if (!string.IsNullOrWhiteSpace(parameters.Snippets) && !bool.TryParse(parameters.Snippets.Trim(), out snippets))
            errors["snippets"] = [$"'{parameters.Snippets}' is not true or false."];

        var inQuotes = false;
        if (!string.IsNullOrWhiteSpace(parameters.In))
        {
            if (parameters.In.Trim().Equals("quotes", StringComparison.OrdinalIgnoreCase)) inQuotes = true;
            else errors["in"] = [$"'{parameters.In}' is not a part to search in; use quotes (inside quotations only), or leave it out for titles and bodies."];
        }

        request = new SearchRequest(parameters.Q, from, to, string.IsNullOrWhiteSpace(parameters.Source) ? null : parameters.Source.Trim(),
            sort, page, size, interval, after, snippets, lang, collapse,
            string.IsNullOrWhiteSpace(parameters.Speaker) ? null : parameters.Speaker.Trim(), inQuotes);
        return errors.Count == 0;
    }

    /// <summary>A date parameter (<c>from</c>, <c>to</c>) as searches read it; null when absent or not a date (then in <paramref name="errors"/>).</summary>
    public static DateOnly? ReadDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateReader.TryRead(text, out var date))
            return date;
        errors[name] = [$"'{text}' is not a date; use yyyy-MM-dd, e.g. 2021-07-27 (27/07/2021 and 27 يوليو 2021 are read too)."];
        return null;
    }

    private static int ReadInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(DateReader.FoldDigits(text.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[name] = [max == int.MaxValue
            ? $"'{text}' is not a whole number from {min}."
            : $"'{text}' is not a whole number from {min} to {max}."];
        return fallback;
    }
}
