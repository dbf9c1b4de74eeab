namespace Search.Core.Retrieval.QueryLanguage;

/// <summary>How a part of the user's query takes part in matching.</summary>
internal enum Occurrence
{
    /// <summary>Counts toward relevance; a document needs at least one such part when nothing is required.</summary>
    Should,

    /// <summary>A document must contain it.</summary>
    Must,

    /// <summary>A document must not contain it.</summary>
    MustNot,
}

/// <summary>Something the user asked for: a word, an exact phrase, or alternatives joined by OR.</summary>
internal abstract record QueryPart;

/// <summary>A word as typed; analysis may turn it into several terms or none (a stop word).</summary>
internal sealed record WordPart(string Text) : QueryPart;

/// <summary>Words in quotes, to be found next to each other in this order.</summary>
internal sealed record PhrasePart(string Text) : QueryPart;

/// <summary>Alternatives joined by <c>OR</c>; one of them is enough.</summary>
internal sealed record AnyOfPart(IReadOnlyList<QueryPart> Alternatives) : QueryPart;

internal sealed record QueryClause(QueryPart Part, Occurrence Occurrence);

/// <summary>A parsed user query: what to match, what to require, what to exclude.</summary>
internal sealed record UserQuery(IReadOnlyList<QueryClause> Clauses)
{
    public bool IsEmpty => Clauses.Count == 0;
}
