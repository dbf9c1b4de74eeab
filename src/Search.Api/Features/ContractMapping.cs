using System.Globalization;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Languages;
using CoreBucket = Search.Core.Retrieval.Bucket;
using CoreRelated = Search.Core.Retrieval.RelatedHit;
using CoreStory = Search.Core.Retrieval.StoryDetails;
using CoreStorySummary = Search.Core.Retrieval.StorySummary;
using RelatedHit = Search.Client.Contracts.RelatedHit;
using StoryCarrier = Search.Client.Contracts.StoryCarrier;
using CoreReport = Search.Core.Ingest.IngestReport;
using CoreVersion = Search.Core.Languages.DocumentVersion;
using Quotation = Search.Core.Quotes.Quotation;
using DocumentVersion = Search.Client.Contracts.DocumentVersion;
using CoreReindex = Search.Core.Index.Reindex.ReindexStatus;
using IngestReport = Search.Client.Contracts.IngestReport;
using ReindexStatus = Search.Client.Contracts.ReindexStatus;

namespace Search.Api.Features;

/// <summary>The engine's records as the service answers them (the contracts of <c>Search.Client</c>).</summary>
public static class ContractMapping
{
    /// <param name="versions">The versions the engine holds, for a document given back whole.</param>
    /// <param name="quotes">The quotations the index holds for it, for a document given back whole.</param>
    public static ArchiveDocument ToContract(DocumentRecord d, IReadOnlyList<CoreVersion>? versions = null, IReadOnlyList<Quotation>? quotes = null) =>
        new(d.Id, d.Title, d.IsoDate, d.Body, d.Source, d.Lang, d.Category, d.Url,
            d.Translations.Count == 0 ? null : d.Translations.Select(ToContract).ToList(),
            versions is null || versions.Count == 0 ? null : ToContract(versions),
            quotes is null || quotes.Count == 0 ? null : ToContract(quotes));

    public static IReadOnlyList<QuoteInfo> ToContract(IReadOnlyList<Quotation> quotes) =>
        quotes.Select(q => new QuoteInfo(q.Speaker, q.Role, q.Text, q.Start, q.End)).ToList();

    public static IReadOnlyList<DocumentVersion> ToContract(IReadOnlyList<CoreVersion> versions) =>
        versions.Select(v => new DocumentVersion(v.Lang, v.Id, v.Title)).ToList();

    public static IReadOnlyList<FacetBucket> ToContract(IReadOnlyList<CoreBucket> buckets) =>
        buckets.Select(b => new FacetBucket(b.Key, b.Count)).ToList();

    public static StoryInfo ToContract(CoreStorySummary story) =>
        new(story.Id, story.Copies, story.Sources, Iso(story.First));

    public static RelatedHit ToContract(CoreRelated related) =>
        new(related.Hit.Id, related.Hit.Title, Iso(related.Hit.Date), related.Hit.Source, related.Hit.Score, related.SameStory, related.Hit.Lang);

    public static StoryResponse ToContract(CoreStory story) =>
        new(story.Id, story.Copies.Count, story.Sources, Iso(story.First), story.Copies.Select(c =>
            new StoryCarrier(c.Id, c.Title, c.Source, Iso(c.Date), c.Url, c.Lang, c.First, c.DaysAfterFirst, c.Shared)).ToList());

    private static string? Iso(DateOnly? date) => date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture);

    private static TranslationLink ToContract(VersionLink link) =>
        link.IsAddress ? new TranslationLink(link.Lang, null, link.Target) : new TranslationLink(link.Lang, link.Target, null);

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
