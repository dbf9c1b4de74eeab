namespace Search.Core.Quotes;

internal enum TokenKind : byte
{
    Word,
    Comma,
    Colon,

    /// <summary><c>.</c>, <c>!</c>, <c>?</c>, <c>؟</c>: the end of a sentence.</summary>
    SentenceEnd,

    /// <summary>A line break: the end of a paragraph (the corpus and the page readers separate paragraphs by <c>\n</c>).</summary>
    Paragraph,

    /// <summary>A quotation mark of any kind: <c>" « » “ ” „</c>.</summary>
    QuoteMark,

    /// <summary>Any other punctuation: brackets, dashes, <c>؛</c>, slashes.</summary>
    Other,
}

/// <summary>One word or punctuation mark of a body, by its offsets; a word's classes are looked up when asked (<see cref="QuoteDocument.ClassOf"/>).</summary>
/// <param name="Mark">For a quotation mark, the character; otherwise <c>'\0'</c>.</param>
/// <param name="Shape">For a word, its shape (<see cref="QuoteLexicon.ShapeOf"/>).</param>
internal readonly record struct QuoteToken(int Start, int End, TokenKind Kind, char Mark = '\0', int Shape = QuoteLexicon.NoShape)
{
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Ends a clause of reported speech: a sentence end or a paragraph.</summary>
    public bool EndsSentence => Kind is TokenKind.SentenceEnd or TokenKind.Paragraph;
}
