using System.Globalization;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;

namespace Search.Api.Features.Pages;

/// <summary>The engine's page reports as the service answers them.</summary>
public static class IngestReports
{
    public static IngestReport ToContract(PageIngestReport report) =>
        new(report.Accepted, report.Replaced, report.Undated, report.Refused, report.Sequence, report.Items.Select(ToContract).ToList());

    private static IngestedPage ToContract(PageIngestItem item) => new(
        item.Name,
        item.Status switch
        {
            PageIngestStatus.Added => IngestedPage.Added,
            PageIngestStatus.Replaced => IngestedPage.Replaced,
            _ => IngestedPage.Refused,
        },
        item.Id,
        item.Title,
        item.Date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture),
        item.Undated,
        item.Reason,
        item.Encoding);
}
