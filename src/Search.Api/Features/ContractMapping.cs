using System.Globalization;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Ingest;
using CoreReport = Search.Core.Ingest.IngestReport;
using CoreReindex = Search.Core.Index.Reindex.ReindexStatus;
using IngestReport = Search.Client.Contracts.IngestReport;
using ReindexStatus = Search.Client.Contracts.ReindexStatus;

namespace Search.Api.Features;

/// <summary>The engine's records as the service answers them (the contracts of <c>Search.Client</c>).</summary>
public static class ContractMapping
{
    public static ArchiveDocument ToContract(DocumentRecord d) =>
        new(d.Id, d.Title, d.IsoDate, d.Body, d.Source, d.Lang, d.Category, d.Url);

    public static IngestReport ToContract(CoreReport report, bool? searchable) =>
        new(report.Accepted, report.Replaced, report.Undated, report.Refused, report.Sequence, report.Items.Select(ToContract).ToList(), searchable);

    public static ReindexStatus ToContract(CoreReindex job) => new(
        job.Id,
        job.State.ToString().ToLowerInvariant(),
        job.Generation,
        job.Processed,
        job.Total,
        Math.Round(job.DocumentsPerSecond, 1),
        job.EstimatedRemaining is { } left ? Math.Round(left.TotalSeconds, 1) : null,
        Math.Round(job.Elapsed.TotalSeconds, 1),
        job.Reason,
        job.StartedAt,
        job.FinishedAt,
        job.Error);

    private static IngestedPage ToContract(IngestItem item) => new(
        item.Name,
        item.Status switch
        {
            IngestStatus.Added => IngestedPage.Added,
            IngestStatus.Replaced => IngestedPage.Replaced,
            _ => IngestedPage.Refused,
        },
        item.Id,
        item.Title,
        item.Date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture),
        item.Undated,
        item.Reason,
        item.Encoding);
}
