namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>
/// What is wrong with a query, for callers that say it in their own words (the search page says
/// it in Arabic) rather than show the English message.
/// </summary>
public enum QuerySyntaxError
{
    /// <summary>Longer than <see cref="UserQueryParser.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>More than <see cref="Scoring.LuceneQueryBuilder.MaxWords"/> words once analysed.</summary>
    TooManyWords,

    /// <summary>A <c>-</c> or <c>+</c> not followed directly by a word or phrase.</summary>
    SignWithoutWord,

    /// <summary>Two signs in a row (<c>+-word</c>).</summary>
    DoubleSign,

    /// <summary>A quotation mark that is not closed.</summary>
    UnclosedQuote,

    /// <summary><c>OR</c> or <c>AND</c> with nothing before it.</summary>
    OperatorWithoutLeft,

    /// <summary><c>OR</c> or <c>AND</c> with nothing after it.</summary>
    OperatorWithoutRight,

    /// <summary>An excluded part among the alternatives of <c>OR</c>.</summary>
    ExcludedAlternative,
}
