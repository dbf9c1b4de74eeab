using Search.Core.Languages;

namespace Search.Core.Ingest.Pages;

/// <summary>What was read of a page, before it becomes a document.</summary>
/// <param name="Title">The headline; empty when the page has none.</param>
/// <param name="Date">The publication date; null when none could be read (the page is undated).</param>
/// <param name="Body">Paragraphs and sub-headings, one a line.</param>
/// <param name="Source">The publisher; empty when the page does not say.</param>
/// <param name="Url">The page's own address when it states one.</param>
/// <param name="Lang">The language the page declares, or null.</param>
/// <param name="Versions">Its versions in other languages, as the page links them.</param>
internal sealed record PageContent(string Title, DateOnly? Date, string Body, string Source, string? Url, string? Lang = null,
    IReadOnlyList<VersionLink>? Versions = null);
