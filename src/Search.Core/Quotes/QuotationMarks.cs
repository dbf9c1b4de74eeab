namespace Search.Core.Quotes;

/// <summary>
/// Pairs the quotation marks of each paragraph. Publishers write <c>«…»</c>, <c>"…"</c>, <c>“…”</c> and
/// as often <c>”…“</c> (the marks of a left-to-right keyboard), so a mark opens when none is open and
/// closes the open one when it is one of its closers. A mark never closed runs to the paragraph's end:
/// news prints a quotation that runs over paragraphs with an opening mark on each.
/// </summary>
internal static class QuotationMarks
{
    /// <summary>Fills <paramref name="spans"/> (cleared first) with the marked spans of the tokens, in order.</summary>
    public static void Find(ReadOnlySpan<QuoteToken> tokens, List<MarkedSpan> spans)
    {
        spans.Clear();
        var open = -1;
        var words = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind == TokenKind.Paragraph)
            {
                if (open >= 0 && words > 0)
                    spans.Add(new MarkedSpan(open, i, words, Closed: false));
                open = -1;
            }
            else if (token.Kind == TokenKind.QuoteMark)
            {
                if (open < 0)
                {
                    // A straight or curly mark before punctuation closes a span whose opening was lost: it opens nothing.
                    if (token.Mark is '«' || i + 1 >= tokens.Length || tokens[i + 1].Kind is TokenKind.Word or TokenKind.QuoteMark)
                    {
                        open = i;
                        words = 0;
                    }
                }
                else if (Closes(tokens[open].Mark, token.Mark))
                {
                    if (words > 0)
                        spans.Add(new MarkedSpan(open, i, words, Closed: true));
                    open = -1;
                }
            }
            else if (open >= 0 && token.IsWord)
            {
                words++;
            }
        }
        if (open >= 0 && words > 0)
            spans.Add(new MarkedSpan(open, tokens.Length, words, Closed: false));
    }

    private static bool Closes(char opening, char closing) => opening switch
    {
        '«' => closing == '»',
        '»' => closing == '«',
        '"' or '″' => closing == opening,
        _ => closing is '“' or '”' or '‟',
    };
}
