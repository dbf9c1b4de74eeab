namespace Search.Core.Ingest.Pages;

/// <summary>
/// The signature that ends many statement pages: the publisher's name on a line of its own
/// (<c>مجموعة الرؤية الاستراتيجية "روسيا – العالم الإسلامي"</c>, <c>المصدر: وكالة الأنباء</c>).
/// </summary>
internal static class PublisherLine
{
    private const int MaxWords = 12;
    private const int MaxChars = 120;

    private static readonly string[] Labels = ["المصدر:", "المصدر :", "مصدر:", "Source:"];

    /// <summary>
    /// Removes the last paragraph from <paramref name="body"/> and returns it when it reads as a
    /// signature: short, on its own, not ending as a sentence, and not the only paragraph. Else "".
    /// </summary>
    public static string Take(List<string> body)
    {
        if (body.Count < 2 || !IsSignature(body[^1]))
            return "";
        var line = body[^1];
        body.RemoveAt(body.Count - 1);
        foreach (var label in Labels)
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
                return line[label.Length..].Trim();
        return line.Trim('-', '–', '—', ' ');
    }

    public static bool IsSignature(string line) =>
        line.Length <= MaxChars && PageText.WordCount(line) <= MaxWords && !PageText.EndsLikeSentence(line) && !PageText.IsDate(line);
}
