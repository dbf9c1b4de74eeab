namespace Search.Core.Index;

/// <summary>The names of the Lucene fields a document is indexed into.</summary>
internal static class IndexFields
{
    /// <summary>Exact id: stored, the key for replacing and deleting; sorted doc values make it the last key of every order.</summary>
    public const string Id = "id";

    /// <summary>Analysed, stored; binary doc values too, so a hit without a snippet is read without the stored fields.</summary>
    public const string Title = "title";

    /// <summary>Analysed, stored (snippets are built from it).</summary>
    public const string Body = "body";

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>): indexed for range filters, doc values for sorting and facets.</summary>
    public const string Date = "date";

    /// <summary>Exact source name: indexed for filters, sorted doc values for facets, stored.</summary>
    public const string Source = "source";

    /// <summary>The language code the document is searched in: indexed for the <c>lang</c> filter, sorted doc values for the facet and hits, stored.</summary>
    public const string Lang = "lang";

    /// <summary>The name of the analysis its title and body went through (<see cref="Languages.LanguageAnalysis.Name"/>), to keep a query analysed for one language to that language's documents.</summary>
    public const string Analysis = "analysis";
    public const string Category = "category";
    public const string Url = "url";
}
