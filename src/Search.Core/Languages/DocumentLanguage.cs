namespace Search.Core.Languages;

/// <summary>
/// The language a document is stored, analysed and shown in: what its sender says, what its page
/// declares if the text agrees, else what <see cref="LanguageDetector"/> finds.
/// </summary>
internal static class DocumentLanguage
{
    /// <summary>
    /// A JSON document's <c>lang</c> is its sender's word and is kept (as a code: <c>en-GB</c> is
    /// <c>en</c>); a document without one, or with one that names no language, is detected.
    /// </summary>
    public static string ForDocument(string? lang, string? title, string? body) =>
        LanguageTags.Normalize(lang) ?? LanguageDetector.Detect(title, body);

    /// <summary>
    /// A page's declared language (<c>&lt;html lang&gt;</c>, <c>og:locale</c>) comes from its site's
    /// template, which is often the same for every language of the site: it is taken only when the
    /// text is written in that language's script. Within one script (English or French) the
    /// declaration wins over detection, which is weaker than a site on a text of a few lines.
    /// </summary>
    public static string ForPage(string? declared, string? title, string? body)
    {
        var detected = LanguageDetector.Detect(title, body);
        var code = LanguageTags.Normalize(declared);
        if (code is null)
            return detected;
        var script = LanguageTags.ScriptOf(code);
        return script == LanguageTags.ScriptOf(detected) || (script is null && detected == LanguageTags.Undetermined) ? code : detected;
    }
}
