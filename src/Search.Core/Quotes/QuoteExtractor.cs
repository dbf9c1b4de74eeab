namespace Search.Core.Quotes;

/// <summary>
/// The quotations of a document and their speakers (issue 21): text in quotation marks and reported
/// speech after verbs of saying and source words, attributed to the speaker the text names, with
/// offsets into the body. Derived data: an index stores it beside the document and a reindex
/// recomputes it, so it is versioned like the analysis. Thread-safe; bad input gives no quotations.
/// </summary>
internal sealed class QuoteExtractor(QuoteLexicon lexicon)
{
    /// <summary>Stored with every index commit beside the analyzer's; change it whenever the quotations found, their attribution or how the index holds them change (2: searched through their spans in the body; 3: better attribution, issue 21 follow-up).</summary>
    public const string Version = "quotes-3";

    public static QuoteExtractor Default { get; } = new(QuoteLexicon.Default);

    public IReadOnlyList<Quote> Extract(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return [];
        var buffers = QuoteBuffers.Rent();
        try
        {
            var document = new QuoteDocument(body, lexicon, buffers);
            var found = new QuoteFinder(document).Run();
            var quotes = new List<Quote>(found.Count);
            foreach (var quote in found)
            {
                var (start, end) = Offsets(document, quote.Span);
                if (end > start)
                    quotes.Add(new Quote(quote.Speaker?.Name, quote.Speaker?.Key, quote.Speaker?.Role ?? quote.UnnamedRole, body[start..end], start, end));
            }
            return quotes;
        }
        finally
        {
            QuoteBuffers.Return(buffers);
        }
    }

    /// <summary>
    /// The characters of a span's tokens without the punctuation it ends with (a comma, a dash), but with a
    /// closing mark or full stop inside it; nothing when the span holds no word.
    /// </summary>
    private static (int Start, int End) Offsets(QuoteDocument d, QuoteSpan span)
    {
        var last = Math.Min(span.End, d.Count) - 1;
        while (last >= span.Start && d.Tokens[last].Kind is TokenKind.Comma or TokenKind.Colon or TokenKind.Other or TokenKind.Paragraph)
            last--;
        var first = span.Start;
        while (first <= last && !d.Tokens[first].IsWord)
            first++;
        return first > last ? (0, 0) : (d.Tokens[span.Start].Start, d.Tokens[last].End);
    }
}
