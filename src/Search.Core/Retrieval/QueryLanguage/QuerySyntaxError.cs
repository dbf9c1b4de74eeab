namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>
/// What is wrong with a query, for callers that say it in their own words (the search page says
/// it in Arabic) rather than show the English message. Only limits remain: everything else typed
/// is read as text (<see cref="UserQueryParser"/>).
/// </summary>
public enum QuerySyntaxError
{
    /// <summary>Longer than <see cref="UserQueryParser.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>More than <see cref="Scoring.LuceneQueryBuilder.MaxWords"/> words once analysed.</summary>
    TooManyWords,
}
