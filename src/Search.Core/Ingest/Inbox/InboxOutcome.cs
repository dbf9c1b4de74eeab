using System.Text.Encodings.Web;
using System.Text.Json;

namespace Search.Core.Ingest.Inbox;

/// <summary>What becomes of a file taken from the inbox: <c>done/</c> beside its report, or <c>failed/</c> beside its reason.</summary>
/// <param name="Done">Ingested (done/) rather than refused (failed/).</param>
/// <param name="Note">What is written beside the file: the report's JSON, or the reason.</param>
internal sealed record InboxOutcome(bool Done, string Note)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The report is read by people: Arabic titles stay Arabic rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static InboxOutcome Ingested(IngestReport report) => new(true, JsonSerializer.Serialize(ReportFile.Of(report), ReportJson));

    public static InboxOutcome Refused(string reason) => new(false, reason);

    /// <summary>The folder under the inbox the file goes to.</summary>
    public string Folder => Done ? "done" : "failed";

    /// <summary>The suffix of the note written beside the file.</summary>
    public string NoteSuffix => Done ? ".report.json" : ".reason.txt";
}
