namespace Search.Core.Languages;

/// <summary>Language codes as the engine takes them from outside (a <c>lang=</c> filter): <c>en</c>, <c>EN</c>, <c>en-GB</c>, <c>eng</c>, <c>English</c> are <c>en</c>.</summary>
public static class LanguageCode
{
    /// <summary>The code <paramref name="text"/> names; false when it names no language.</summary>
    public static bool TryNormalize(string text, out string code)
    {
        code = LanguageTags.Normalize(text) ?? "";
        return code.Length > 0;
    }
}
