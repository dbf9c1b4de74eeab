using System.Text.Json;

namespace Search.Core.Languages;

/// <summary>
/// Reads the <c>translations</c> field of a JSON document: the ids or addresses of its versions in
/// other languages, as an array of strings (<c>["s-12-en", "https://…/ru/12"]</c>), an array of
/// objects (<c>[{"lang": "en", "id": "s-12-en"}, {"lang": "ru", "url": "https://…"}]</c>), an object
/// from language to id or address (<c>{"en": "s-12-en"}</c>), or one string. Bad input gives the
/// reason, never an exception.
/// </summary>
internal static class TranslationsField
{
    /// <summary>More versions than any statement has: a longer list is a mistake, not translations.</summary>
    public const int MaxVersions = 100;

    private const int MaxTargetChars = 4_096;

    /// <param name="value">The field's value; null or JSON null gives no versions.</param>
    /// <param name="problem">Why the value was refused, naming the element at fault.</param>
    public static bool TryRead(JsonElement? value, out IReadOnlyList<VersionLink> versions, out string problem)
    {
        var links = new List<VersionLink>();
        versions = links;
        problem = "";
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.Undefined:
                return true;
            case JsonValueKind.String:
                return TryAdd(links, null, value.Value, "", out problem);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.Value.EnumerateArray())
                {
                    var at = $"[{index++}]";
                    var added = item.ValueKind == JsonValueKind.Object
                        ? TryAddObject(links, item, at, out problem)
                        : TryAdd(links, null, item, at, out problem);
                    if (!added)
                        return false;
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in value.Value.EnumerateObject())
                    if (!TryAdd(links, property.Name, property.Value, $".{property.Name}", out problem))
                        return false;
                break;
            default:
                problem = "must be an array of ids or addresses, an object from language to id or address, or one string";
                return false;
        }
        if (links.Count > MaxVersions)
        {
            problem = $"lists {links.Count} versions, more than {MaxVersions}";
            return false;
        }
        versions = links.Distinct().ToList();
        return true;
    }

    private static bool TryAddObject(List<VersionLink> links, JsonElement item, string at, out string problem)
    {
        var lang = item.TryGetProperty("lang", out var langValue) ? langValue : default;
        if (lang.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            problem = $"{at}.lang must be a language code";
            return false;
        }
        var target = item.TryGetProperty("id", out var id) ? id : item.TryGetProperty("url", out var url) ? url : default;
        if (target.ValueKind == JsonValueKind.Undefined)
        {
            problem = $"{at} must have an id or a url";
            return false;
        }
        if (!TryGetText(lang, out var langText))
        {
            problem = $"{at}.lang {UnpairedSurrogate}";
            return false;
        }
        return TryAdd(links, langText, target, at, out problem);
    }

    private static bool TryAdd(List<VersionLink> links, string? lang, JsonElement target, string at, out string problem)
    {
        problem = "";
        var code = LanguageTags.Normalize(lang);
        if (lang is not null && code is null)
        {
            problem = $"{at}: '{Truncate(lang)}' names no language (e.g. en, ru, fr)";
            return false;
        }
        if (!TryGetText(target, out var text))
        {
            problem = $"{at} {UnpairedSurrogate}";
            return false;
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = $"{at} must be a non-empty id or address, found {(target.ValueKind == JsonValueKind.String ? "an empty string" : target.ValueKind.ToString().ToLowerInvariant())}";
            return false;
        }
        if (text.Length > MaxTargetChars || text.Any(char.IsControl))
        {
            problem = $"{at} is longer than {MaxTargetChars} characters or holds control characters";
            return false;
        }
        links.Add(new VersionLink(code, text));
        return true;
    }

    private const string UnpairedSurrogate = "holds an unpaired surrogate escape, which is not text";

    /// <summary>A string's text (null for any other kind); false when it escapes half a surrogate pair.</summary>
    private static bool TryGetText(JsonElement element, out string? text)
    {
        text = null;
        if (element.ValueKind != JsonValueKind.String)
            return true;
        try
        {
            text = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
