using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Index;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.Snippets;

/// <summary>
/// Picks the passage of a body with the most distinct query terms and marks them. Where the terms
/// match comes from the index (<see cref="IndexedMatches"/>: the offsets its postings carry), or from
/// analysing the text with the index's analyzer and comparing its terms with the query's; either way a
/// word found through normalisation or stemming is marked as written in the text: the offsets are those
/// of the original text, diacritics and tatweel included. When a match lies inside one of the body's
/// quotations, the passage is one holding such a match (issue 21: what was said is what a reader looks for).
/// </summary>
internal sealed class SnippetBuilder(Analyzer analyzer, int maxChars = 240)
{
    private const string Ellipsis = "…";

    /// <summary>The snippet of a body, its matches found by analysing it (a document outside the index, an index written before bodies carried offsets, a language whose body field carries none).</summary>
    /// <param name="field">The field whose analysis the body went through (its language's body field).</param>
    /// <param name="quotes">The body's quotations: a passage holding a match inside one is preferred.</param>
    public string Build(string body, IReadOnlySet<string> terms, string field = IndexFields.Body, IReadOnlyList<Quotation>? quotes = null) =>
        Build(body, terms.Count == 0 ? [] : FindMatches(body, terms, field), quotes);

    /// <summary>The snippet of a body whose matches are known, in order of their offsets.</summary>
    /// <param name="quotes">The body's quotations, in order: when a match lies inside one, the passage holds such a match.</param>
    public string Build(ReadOnlySpan<char> body, IReadOnlyList<SnippetMatch> matches, IReadOnlyList<Quotation>? quotes = null)
    {
        if (matches.Count == 0)
            return Render(body, 0, CutAtWordEnd(body, Math.Min(body.Length, maxChars)), matches);

        var (first, last) = BestWindow(matches, InQuotes(matches, quotes));
        var start = matches[first].Start;
        var end = matches[last].End;
        // Give the passage some context before the first match, starting on a word.
        var lead = Math.Max(0, (maxChars - (end - start)) / 3);
        start = StartOfWord(body, Math.Max(0, start - lead));
        end = CutAtWordEnd(body, Math.Min(body.Length, Math.Max(end, start + maxChars)));
        return Render(body, start, end, matches);
    }

    /// <summary>
    /// The whole text HTML-escaped with every match marked, as for a snippet but keeping the line
    /// breaks (as <c>\n</c>), so a reader can show the full document with its paragraphs.
    /// </summary>
    public string MarkAll(string text, IReadOnlySet<string> terms, string field = IndexFields.Body)
    {
        text = text.ReplaceLineEndings("\n");
        var matches = terms.Count == 0 ? [] : FindMatches(text, terms, field);
        return Render(text, 0, text.Length, matches, flatten: false);
    }

    private List<SnippetMatch> FindMatches(string body, IReadOnlySet<string> terms, string field)
    {
        var matches = new List<SnippetMatch>();
        // Terms are looked up as spans of the token buffer: a string is made only for a match.
        var lookup = (terms as HashSet<string> is { Comparer: var comparer } set && comparer.Equals(StringComparer.Ordinal)
            ? set : new HashSet<string>(terms, StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        using var stream = analyzer.GetTokenStream(field, body);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // The stem and the exact form of a word share its offsets: mark the word once.
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var text) && (matches.Count == 0 || matches[^1].Start != offset.StartOffset))
                matches.Add(new SnippetMatch(offset.StartOffset, offset.EndOffset, text));
        }
        stream.End();
        return matches;
    }

    /// <summary>
    /// The run of matches fitting in <c>maxChars</c> with the most distinct terms, then the most matches;
    /// when some matches are <paramref name="quoted"/>, only among the runs holding one of them (the run
    /// ending at a quoted match is always one, so there is always such a run).
    /// </summary>
    private (int First, int Last) BestWindow(IReadOnlyList<SnippetMatch> matches, bool[]? quoted)
    {
        var best = (First: 0, Last: 0, Distinct: 0, Count: 0);
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotedInWindow = 0;
        var found = false;
        var first = 0;
        for (var last = 0; last < matches.Count; last++)
        {
            inWindow[matches[last].Term] = inWindow.GetValueOrDefault(matches[last].Term) + 1;
            if (quoted?[last] == true)
                quotedInWindow++;
            while (matches[last].End - matches[first].Start > maxChars)
            {
                if (quoted?[first] == true)
                    quotedInWindow--;
                var leaving = matches[first++].Term;
                if (--inWindow[leaving] == 0)
                    inWindow.Remove(leaving);
            }
            if (quoted is not null && quotedInWindow == 0)
                continue;
            var count = last - first + 1;
            if (!found || inWindow.Count > best.Distinct || (inWindow.Count == best.Distinct && count > best.Count))
                best = (first, last, inWindow.Count, count);
            found = true;
        }
        return (best.First, best.Last);
    }

    /// <summary>Which matches lie inside a quotation; null when none does (or the body has no quotations).</summary>
    private static bool[]? InQuotes(IReadOnlyList<SnippetMatch> matches, IReadOnlyList<Quotation>? quotes)
    {
        if (quotes is null || quotes.Count == 0)
            return null;
        bool[]? quoted = null;
        for (var i = 0; i < matches.Count; i++)
        {
            // By index: a foreach over the list as an interface boxed its enumerator for every match, 1% of what
            // a search over HTTP allocated.
            for (var q = 0; q < quotes.Count; q++)
            {
                var quote = quotes[q];
                if (matches[i].Start >= quote.Start && matches[i].End <= quote.End)
                {
                    (quoted ??= new bool[matches.Count])[i] = true;
                    break;
                }
            }
        }
        return quoted;
    }

    private static string Render(ReadOnlySpan<char> body, int start, int end, IReadOnlyList<SnippetMatch> matches, bool flatten = true)
    {
        var html = new StringBuilder(end - start + 64);
        if (start > 0)
            html.Append(Ellipsis);
        var position = start;
        foreach (var (matchStart, matchEnd, _) in matches)
        {
            if (matchStart < position || matchEnd > end)
                continue;
            // Line breaks become spaces (a snippet is one run of text); a match is a word and holds none.
            SnippetHtml.Append(html, body, position, matchStart, flatten);
            html.Append("<mark>");
            SnippetHtml.Append(html, body, matchStart, matchEnd, flatten: false);
            html.Append("</mark>");
            position = matchEnd;
        }
        SnippetHtml.Append(html, body, position, end, flatten);
        if (end < body.Length)
            html.Append(Ellipsis);
        return html.ToString();
    }

    private static int StartOfWord(ReadOnlySpan<char> text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
            index--;
        return index;
    }

    /// <summary>Extends a cut to the end of the word it falls in (a few characters at most), never shortening it.</summary>
    private static int CutAtWordEnd(ReadOnlySpan<char> text, int index)
    {
        var limit = Math.Min(text.Length, index + 24);
        var cut = index;
        while (cut < limit && !char.IsWhiteSpace(text[cut]))
            cut++;
        return cut;
    }
}
