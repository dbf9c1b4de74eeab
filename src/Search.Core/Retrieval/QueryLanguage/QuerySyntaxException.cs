namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>The user's query cannot be read; the message says what is wrong and where.</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception(message)
{
    /// <summary>0-based character position in the query where the problem is.</summary>
    public int Position { get; } = position;
}
