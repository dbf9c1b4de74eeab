using System.Globalization;

namespace Search.Core.Ingest.Inbox;

/// <summary>
/// The <c>.report.json</c> written beside a file in <c>done/</c>: the fields of the service's ingest
/// report (<c>POST /api/pages</c> answers the same), so people and scripts read one shape.
/// </summary>
internal sealed record ReportFile(int Accepted, int Replaced, int Undated, int Refused, long Sequence, IReadOnlyList<ReportFile.Page> Pages)
{
    public sealed record Page(string Name, string Status, string? Id, string? Title, string? Date, bool Undated, string? Reason, string? Encoding);

    public static ReportFile Of(IngestReport report) => new(report.Accepted, report.Replaced, report.Undated, report.Refused, report.Sequence,
        report.Items.Select(item => new Page(item.Name, item.Status.ToString().ToLowerInvariant(), item.Id, item.Title,
            item.Date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture), item.Undated, item.Reason, item.Encoding)).ToList());
}
