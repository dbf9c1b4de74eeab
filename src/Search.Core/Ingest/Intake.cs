using System.Text;
using Search.Core.Archive;
using Search.Core.Ingest.Json;
using Search.Core.Ingest.Pages;

namespace Search.Core.Ingest;

/// <summary>
/// The one way in, for every door (a request of documents, a request of pages, a file dropped in the
/// inbox): read and validate, store in the archive (durable before anything is acknowledged), wake the
/// indexing loop, and say what was done in one <see cref="IngestReport"/>. Documents in JSON are taken
/// whole or not at all; pages each stand alone.
/// </summary>
internal sealed class Intake(DocumentArchive archive, SearchEngineOptions options, Action stored)
{
    /// <summary>A JSON Lines file is stored this many documents to an archive transaction.</summary>
    private const int FileBatchSize = 1_000;

    /// <summary>A refused file lists this many of its bad lines, not all of a million.</summary>
    public const int MaxReportedErrors = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly JsonDocumentsReader _json = new(new DocumentParser(options.Limits));
    private readonly PageReader _pages = new(options.Limits);

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
        return Store(batch.Documents);
    }

    /// <summary>Pages, each read and stored or refused on its own.</summary>
    public IngestReport Pages(IReadOnlyList<PageFile> pages, CancellationToken cancellationToken = default)
    {
        var readings = new List<(string Name, PageReading Reading)>(pages.Count);
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            readings.Add((page.Name, _pages.Read(page)));
        }
        var documents = readings.Select(r => r.Reading.Document).OfType<DocumentRecord>().ToList();
        var write = Write(documents);
        var replaced = write.Replaced.ToHashSet();

        var items = new List<IngestItem>(readings.Count);
        var written = 0;
        foreach (var (name, reading) in readings)
        {
            if (reading.Document is not { } document)
            {
                items.Add(new IngestItem(name, IngestStatus.Refused, Reason: reading.Refusal, Encoding: reading.Encoding));
                continue;
            }
            var status = replaced.Contains(written++) ? IngestStatus.Replaced : IngestStatus.Added;
            items.Add(new IngestItem(name, status, document.Id, document.Title, document.Date, null, reading.Encoding));
        }
        return new IngestReport(items.Count, documents.Count, replaced.Count, documents.Count(d => d.Date is null),
            items.Count - documents.Count, write.LastSequence, items, []);
    }

    /// <summary>
    /// A JSON Lines file (plain or gzip), read twice: first to validate every line, then to store it in
    /// batches, so a file with a bad line (or a corrupt or truncated gzip) stores nothing, whatever its size.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (also <see cref="InvalidDataException"/>, <see cref="DecoderFallbackException"/>).</exception>
    public IngestReport JsonLinesFile(string path, CancellationToken cancellationToken)
    {
        var errors = new List<DocumentError>();
        var lines = 0;
        using (var text = JsonDocumentsReader.OpenFile(path, options.MaxInboxFileBytes))
        {
            foreach (var (_, error) in _json.EnumerateJsonLines(text))
            {
                cancellationToken.ThrowIfCancellationRequested();
                lines++;
                if (error is not null && errors.Count < MaxReportedErrors)
                    errors.Add(error);
            }
        }
        if (lines == 0)
            return IngestReport.Unreadable("The file holds no documents.", archive.LastSequence);
        if (errors.Count > 0)
            return Refusal(lines, errors);

        int accepted = 0, replaced = 0, undated = 0;
        var sequence = archive.LastSequence;
        using (var text = JsonDocumentsReader.OpenFile(path, options.MaxInboxFileBytes))
        {
            foreach (var chunk in _json.EnumerateJsonLines(text).Select(line => line.Document!).Chunk(FileBatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var write = Write(chunk);
                accepted += chunk.Length;
                replaced += write.Replaced.Count;
                undated += chunk.Count(d => d.Date is null);
                sequence = write.LastSequence;
            }
        }
        return new IngestReport(lines, accepted, replaced, undated, 0, sequence, [], []);
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

    private ArchiveWrite Write(IReadOnlyList<DocumentRecord> documents)
    {
        if (documents.Count == 0)
            return new ArchiveWrite(archive.LastSequence, []);
        var write = archive.Write(documents);
        stored();
        return write;
    }
}
