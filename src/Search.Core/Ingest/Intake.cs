using System.Text;
using Microsoft.Extensions.Logging;
using Search.Core.Archive;
using Search.Core.Ingest.Json;
using Search.Core.Ingest.Pages;
using Search.Core.Text;

namespace Search.Core.Ingest;

/// <summary>
/// The one way in, for every door (a request of documents, a request of pages, a file dropped in the
/// inbox): read and validate, store in the archive (durable before anything is acknowledged), wake the
/// indexing loop, and say what was done in one <see cref="IngestReport"/>. Documents in JSON are taken
/// whole or not at all; pages each stand alone.
/// </summary>
internal sealed partial class Intake(DocumentArchive archive, SearchEngineOptions options, Action<IReadOnlyList<DocumentRecord>> storing, Action stored, ILogger logger)
{
    /// <summary>A JSON Lines file is stored this many documents to an archive transaction.</summary>
    private const int FileBatchSize = 1_000;

    /// <summary>A refused file lists this many of its bad lines, not all of a million.</summary>
    public const int MaxReportedErrors = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly JsonDocumentsReader _json = new(new DocumentParser(options.Limits));
    private readonly PageReader _pages = new(options.Limits, options.Pages);

    /// <summary>
    /// Documents as UTF-8 JSON: an array, or JSON Lines (one document a line), told by the first
    /// character. Any invalid document refuses them all, each fault named by line (or element).
    /// </summary>
    public IngestReport Documents(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            return IngestReport.Unreadable($"The documents are not valid UTF-8 (first bad byte at offset {e.Index}).", archive.LastSequence);
        }
        // Only the byte-order mark goes: leading blank lines still count in the line numbers of errors.
        var content = text.TrimStart('\uFEFF');
        var first = content.AsSpan().TrimStart();
        var batch = first.IsEmpty ? null
            : first[0] == '[' ? _json.ReadJsonArray(Encoding.UTF8.GetBytes(content))
            : _json.ReadJsonLines(new StringReader(content));
        if (batch is null || (batch.Documents.Count == 0 && batch.Errors.Count == 0))
            return IngestReport.Unreadable("No documents were sent.", archive.LastSequence);
        if (!batch.IsValid)
            return Refusal(batch.Documents.Count + batch.Errors.Count, batch.Errors);
        var stored = Store(LastOfEachId(batch.Documents));
        return stored with { Read = batch.Documents.Count };
    }

    /// <summary>
    /// A request naming an id more than once stores it once, as its last copy (what sending them one
    /// after the other leaves), and counts it once.
    /// </summary>
    private static IReadOnlyList<DocumentRecord> LastOfEachId(IReadOnlyList<DocumentRecord> documents)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            last[documents[i].Id] = i;
        return last.Count == documents.Count ? documents : documents.Where((d, i) => last[d.Id] == i).ToList();
    }

    /// <summary>Pages, each read and stored or refused on its own.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (nothing was stored).</exception>
    public IngestReport Pages(IReadOnlyList<PageFile> pages, CancellationToken cancellationToken = default)
    {
        var readings = new List<(string Name, PageReading Reading)>(pages.Count);
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            readings.Add((page.Name, Read(page, cancellationToken)));
        }
        // Two pages of one request with one id (the same address) are one document: the later is stored.
        var lastOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
            if (readings[i].Reading.Document is { } document)
                lastOf[document.Id] = i;
        var documents = readings.Where((r, i) => r.Reading.Document is { } d && lastOf[d.Id] == i).Select(r => r.Reading.Document!).ToList();
        var write = Write(documents);
        var replaced = write.Replaced.ToHashSet();

        var items = new List<IngestItem>(readings.Count);
        var written = 0;
        for (var i = 0; i < readings.Count; i++)
        {
            var (name, reading) = readings[i];
            if (reading.Document is not { } document)
                items.Add(new IngestItem(name, IngestStatus.Refused, Reason: reading.Refusal, Encoding: reading.Encoding));
            else if (lastOf[document.Id] != i)
                items.Add(new IngestItem(name, IngestStatus.Refused, document.Id, document.Title, document.Date,
                    $"the same document (id {document.Id}) as {readings[lastOf[document.Id]].Name}, later in this request, which was stored in its place",
                    reading.Encoding));
            else
                items.Add(new IngestItem(name, replaced.Contains(written++) ? IngestStatus.Replaced : IngestStatus.Added,
                    document.Id, document.Title, document.Date, null, reading.Encoding));
        }
        return new IngestReport(items.Count, documents.Count, replaced.Count, documents.Count(d => d.Date is null),
            items.Count - documents.Count, write.LastSequence, items, []);
    }

    /// <summary>A page file of the inbox, refused unread when it is larger than a page may be.</summary>
    /// <exception cref="IOException">The file cannot be read (also <see cref="UnauthorizedAccessException"/>).</exception>
    public IngestReport PageInFile(string path, string name, CancellationToken cancellationToken)
    {
        if (options.Pages.TooLarge(new FileInfo(path).Length) is { } tooLarge)
            return new IngestReport(1, 0, 0, 0, 1, archive.LastSequence, [new IngestItem(name, IngestStatus.Refused, Reason: tooLarge)], []);
        return Pages([new PageFile(name, File.ReadAllBytes(path))], cancellationToken);
    }

    /// <summary>
    /// A JSON Lines file (plain or gzip), read twice: first to validate every line, then to store it in
    /// batches, so a file with a bad line (or a corrupt or truncated gzip) stores nothing, whatever its size.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (also <see cref="InvalidDataException"/>, <see cref="DecoderFallbackException"/>).</exception>
    public IngestReport JsonLinesFile(string path, CancellationToken cancellationToken)
    {
        var errors = new List<DocumentError>();
        // The line of each id's last copy: a file naming an id twice stores it once, as that copy.
        var lastLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = 0;
        using (var text = JsonDocumentsReader.OpenFile(path, options.MaxInboxFileBytes))
        {
            foreach (var (document, error) in _json.EnumerateJsonLines(text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (error is not null && errors.Count < MaxReportedErrors)
                    errors.Add(error);
                if (document is not null)
                    lastLine[document.Id] = lines;
                lines++;
            }
        }
        if (lines == 0)
            return IngestReport.Unreadable("The file holds no documents.", archive.LastSequence);
        if (errors.Count > 0)
            return Refusal(lines, errors);

        int replaced = 0, undated = 0;
        var sequence = archive.LastSequence;
        using (var text = JsonDocumentsReader.OpenFile(path, options.MaxInboxFileBytes))
        {
            var lastCopies = _json.EnumerateJsonLines(text).Select((line, number) => (line.Document!, number))
                .Where(line => lastLine[line.Item1.Id] == line.number).Select(line => line.Item1);
            foreach (var chunk in lastCopies.Chunk(FileBatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var write = Write(chunk);
                replaced += write.Replaced.Count;
                undated += chunk.Count(d => d.Date is null);
                sequence = write.LastSequence;
            }
        }
        return new IngestReport(lines, lastLine.Count, replaced, undated, 0, sequence, [], []);
    }

    /// <summary>Documents refused whole: <paramref name="read"/> were sent, <paramref name="errors"/> say which are invalid.</summary>
    private IngestReport Refusal(int read, IReadOnlyList<DocumentError> errors) =>
        new(read, 0, 0, 0, errors.Count, archive.LastSequence, [], errors);

    private IngestReport Store(IReadOnlyList<DocumentRecord> documents)
    {
        var write = Write(documents);
        return new IngestReport(documents.Count, documents.Count, write.Replaced.Count, documents.Count(d => d.Date is null), 0,
            write.LastSequence, [], []);
    }

    /// <summary>
    /// One page read, whatever is in it: the readers are written to refuse what they cannot read,
    /// and a page that still makes one fail is refused and logged rather than failing the others.
    /// </summary>
    private PageReading Read(PageFile page, CancellationToken cancellationToken)
    {
        try
        {
            return _pages.Read(page, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(e, LogText.Escape(page.Name));
            return new PageReading(null, "the page could not be read (the reader failed on it; the service log has the details)", null);
        }
    }

    private ArchiveWrite Write(IReadOnlyList<DocumentRecord> documents)
    {
        if (documents.Count == 0)
            return new ArchiveWrite(archive.LastSequence, []);
        // Before the write, so what the listener changes (the sample it removes) is indexed no later than these documents.
        storing(documents);
        var write = archive.Write(documents);
        stored();
        return write;
    }

    [LoggerMessage(LogLevel.Error, "Page {Name} could not be read and was refused")]
    private partial void LogUnreadable(Exception error, string name);
}
