using Search.Core.Archive;
using Search.Core.Following;
using Search.Core.Retrieval;

namespace Search.Core.Export;

/// <summary>
/// Every document a search matches, in pages that follow each other by cursor (sort values, not
/// positions, so the walk is exact in date order however deep it goes): each page's documents are
/// read from the archive in one query and given out one by one, so an export of the whole archive
/// holds one page in memory, never the list of all its hits. Every copy of a story is a row: an
/// export has as many rows as the search's <c>total</c>.
/// </summary>
internal static class ExportWalk
{
    /// <summary>Hits a page: large enough that re-running the query per page costs little, small enough to hold.</summary>
    public const int PageSize = 500;

    public static IEnumerable<ExportRow> Rows(DocumentArchive archive, Func<SearchRequest, SearchResult> search, SearchRequest request,
        ExportOrder order, CancellationToken cancellationToken)
    {
        var page = request with
        {
            Sort = order == ExportOrder.Date ? SortOrder.Newest : SortOrder.Relevance,
            Page = 1,
            Size = PageSize,
            After = null,
            Collapse = false,
            Snippets = true,
        };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = search(page);
            var stored = archive.GetMany(result.Hits.Select(h => h.Id).ToList());
            foreach (var hit in result.Hits)
            {
                // A document deleted since the page was searched is still given, as the index had it (without its body).
                var document = stored.TryGetValue(hit.Id, out var held) ? held.Document
                    : new DocumentRecord(hit.Id, hit.Title, hit.Date, "", hit.Source, hit.Lang);
                yield return new ExportRow(document with { Lang = document.Lang ?? hit.Lang }, PlainText.OfSnippet(hit.Snippet), hit.Score);
            }
            if (result.NextCursor is null || result.Hits.Count == 0)
                yield break;
            page = page with { After = result.NextCursor };
        }
    }
}
