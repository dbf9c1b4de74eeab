using System.Text.Json;
using Search.Core.Languages;
using Search.Core.Text.Dates;

namespace Search.Core.Ingest.Json;

/// <summary>
/// Turns one JSON object in the archive schema into a <see cref="DocumentRecord"/>, or says why it
/// cannot. Unknown fields are ignored; <c>id</c> and <c>body</c> are required, <c>date</c> must be
/// readable when present.
/// </summary>
internal sealed class DocumentParser(DocumentLimits limits)
{
    public DocumentParser() : this(DocumentLimits.Default) { }

    public bool TryParse(JsonElement element, int line, out DocumentRecord document, out DocumentError error)
    {
        document = null!;
        error = null!;
        if (element.ValueKind != JsonValueKind.Object)
            return Fail(line, null, null, $"expected a JSON object, found {Describe(element.ValueKind)}", out error);

        if (!TryReadId(element, out var id, out var idProblem))
            return Fail(line, null, "id", idProblem, out error);
        if (id.Length > limits.MaxIdLength)
            return Fail(line, null, "id", $"is longer than {limits.MaxIdLength} characters", out error);
        if (id.Any(char.IsControl))
            return Fail(line, null, "id", "contains control characters", out error);

        if (!TryReadString(element, "body", out var body, out var problem))
            return Fail(line, id, "body", problem, out error);
        if (string.IsNullOrWhiteSpace(body))
            return Fail(line, id, "body", body is null ? "is required" : "is empty", out error);
        if (body.Length > limits.MaxBodyChars)
            return Fail(line, id, "body", $"is longer than the limit of {limits.MaxBodyChars} characters", out error);

        if (!TryReadString(element, "title", out var title, out problem))
            return Fail(line, id, "title", problem, out error);
        if (title is not null && title.Length > limits.MaxTitleChars)
            return Fail(line, id, "title", $"is longer than the limit of {limits.MaxTitleChars} characters", out error);

        if (!TryReadString(element, "date", out var dateText, out problem))
            return Fail(line, id, "date", problem, out error);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (!DateReader.TryRead(dateText, out var parsed))
                return Fail(line, id, "date", $"'{Truncate(dateText)}' is not a readable date (e.g. 2021-07-27, 27/07/2021 or 27 يوليو 2021)", out error);
            date = parsed;
        }

        foreach (var name in (ReadOnlySpan<string>)["source", "lang", "category", "url"])
            if (!TryReadString(element, name, out _, out problem))
                return Fail(line, id, name, problem, out error);
        TryReadString(element, "source", out var source, out _);
        TryReadString(element, "lang", out var lang, out _);
        TryReadString(element, "category", out var category, out _);
        TryReadString(element, "url", out var url, out _);
        if (source is not null && source.Length > limits.MaxSourceChars)
            return Fail(line, id, "source", $"is longer than the limit of {limits.MaxSourceChars} characters", out error);
        if (category is not null && category.Length > limits.MaxCategoryChars)
            return Fail(line, id, "category", $"is longer than the limit of {limits.MaxCategoryChars} characters", out error);
        if (lang is not null && lang.Length > 32)
            return Fail(line, id, "lang", "is longer than 32 characters", out error);
        if (url is not null && url.Length > 4_096)
            return Fail(line, id, "url", "is longer than 4096 characters", out error);
        if (!TranslationsField.TryRead(element.TryGetProperty("translations", out var translations) ? translations : null, out var versions, out problem))
            return Fail(line, id, "translations", problem, out error);

        document = new DocumentRecord(
            id,
            title?.Trim() ?? "",
            date,
            body,
            source?.Trim() ?? "",
            // A code as given (en-GB is en); absent, or naming no language, it is found from the text.
            LanguageTags.Normalize(lang),
            string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
            string.IsNullOrWhiteSpace(url) ? null : url.Trim()) { Translations = versions };
        return true;
    }

    private static bool TryReadId(JsonElement element, out string id, out string problem)
    {
        id = "";
        problem = "";
        if (!element.TryGetProperty("id", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problem = "is required";
            return false;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (!TryGetText(value, out var text))
                {
                    problem = UnpairedSurrogate;
                    return false;
                }
                id = text.Trim();
                break;
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                id = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                problem = $"must be a string, found {Describe(value.ValueKind)}";
                return false;
        }
        if (id.Length == 0)
        {
            problem = "is empty";
            return false;
        }
        return true;
    }

    /// <summary>Reads an optional string field: absent or null gives null; any other type is a problem.</summary>
    private static bool TryReadString(JsonElement element, string name, out string? value, out string problem)
    {
        value = null;
        problem = "";
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return true;
        if (property.ValueKind != JsonValueKind.String)
        {
            problem = $"must be a string, found {Describe(property.ValueKind)}";
            return false;
        }
        if (!TryGetText(property, out value))
        {
            problem = UnpairedSurrogate;
            return false;
        }
        if (value.Contains('\0'))
        {
            problem = "contains a NUL character";
            return false;
        }
        return true;
    }

    private const string UnpairedSurrogate = "holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is not text";

    /// <summary>The string's text; false when it escapes half a surrogate pair, which no string can hold.</summary>
    private static bool TryGetText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static bool Fail(int line, string? id, string? field, string reason, out DocumentError error)
    {
        error = new DocumentError(line, id, field, reason);
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
