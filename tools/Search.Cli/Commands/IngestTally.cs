using System.Diagnostics;
using Search.Client.Contracts;

namespace Search.Cli.Commands;

/// <summary>What an ingest run has done so far, for the live display and the summary.</summary>
public sealed class IngestTally(int files)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Files { get; } = files;
    public int FilesRead { get; private set; }
    public int UnreadableFiles { get; private set; }
    public long Accepted { get; private set; }
    public long Replaced { get; private set; }
    public long Undated { get; private set; }
    public long Refused { get; private set; }
    public int RefusedBatches { get; private set; }
    public int RefusedPages { get; private set; }
    public long? LastSequence { get; private set; }

    public long Sent => Accepted + Refused + RefusedPages;
    public TimeSpan Elapsed => clock.Elapsed;
    public double AcceptedPerSecond => Accepted / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
    public bool HasFailures => RefusedBatches > 0 || RefusedPages > 0 || UnreadableFiles > 0;

    public void Accept(IngestResponse response)
    {
        Accepted += response.Accepted;
        Replaced += response.Replaced;
        Undated += response.Undated;
        LastSequence = response.Sequence;
    }

    /// <summary>Counts a report of pages: each page was a file read, stored or refused.</summary>
    public void AcceptPages(IngestReport report)
    {
        FilesRead += report.Pages.Count;
        Accepted += report.Accepted;
        Replaced += report.Replaced;
        Undated += report.Undated;
        RefusedPages += report.Refused;
        if (report.Accepted > 0)
            LastSequence = report.Sequence;
    }

    public void Refuse(int documents)
    {
        Refused += documents;
        RefusedBatches++;
    }

    public void FileRead() => FilesRead++;

    public void FileUnreadable() => UnreadableFiles++;
}
