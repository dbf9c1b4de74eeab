using Search.Core;
using Search.Core.Ingest.Json;
using Search.Core.Ingest.Pages;

namespace Search.Core.Ingest;

/// <summary>
/// Reads pages and stores the readable ones in the archive in one write, reporting each page:
/// added, replaced (its id was held: the same page again, or a newer version of it), or refused
/// with the reason. Unlike a JSON batch, a batch of pages is not all or nothing: each page stands alone.
/// </summary>
public sealed class PageIngester(SearchEngine engine, PageReader reader)
{
    public PageIngestReport Ingest(IReadOnlyList<PageFile> pages)
    {
        var readings = pages.Select(page => (page.Name, Reading: reader.Read(page))).ToList();
        var write = engine.Write(readings.Select(r => r.Reading.Document).OfType<DocumentRecord>().ToList());
        var replaced = write.Replaced.ToHashSet();

        var items = new List<PageIngestItem>(readings.Count);
        var written = 0;
        foreach (var (name, reading) in readings)
        {
            if (reading.Document is not { } document)
            {
                items.Add(new PageIngestItem(name, PageIngestStatus.Refused, Reason: reading.Refusal, Encoding: reading.Encoding));
                continue;
            }
            var status = replaced.Contains(written++) ? PageIngestStatus.Replaced : PageIngestStatus.Added;
            items.Add(new PageIngestItem(name, status, document.Id, document.Title, document.Date, null, reading.Encoding));
        }
        return new PageIngestReport(items, write.LastSequence);
    }
}
