using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Search.Core.Ingest.Json;

/// <summary>
/// Reads documents from JSON Lines (plain or gzip) or from a JSON array, line by line, so that
/// large inputs are never held in memory whole. Errors name the line (or the array element).
/// </summary>
internal sealed class JsonDocumentsReader(DocumentParser parser)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public JsonDocumentsReader() : this(new DocumentParser()) { }

    /// <summary>Reads a whole JSON Lines input; blank lines are skipped.</summary>
    public DocumentBatch ReadJsonLines(TextReader reader)
    {
        var documents = new List<DocumentRecord>();
        var errors = new List<DocumentError>();
        foreach (var (document, error) in EnumerateJsonLines(reader))
        {
            if (error is not null) errors.Add(error);
            else documents.Add(document!);
        }
        return new DocumentBatch(documents, errors);
    }

    /// <summary>Streams a JSON Lines input one result a line (blank lines skipped).</summary>
    public IEnumerable<(DocumentRecord? Document, DocumentError? Error)> EnumerateJsonLines(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return ParseLine(line, lineNumber);
        }
    }

    /// <summary>Reads a JSON array of documents; a top-level value that is not an array is one error.</summary>
    public DocumentBatch ReadJsonArray(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            return new DocumentBatch([], [new DocumentError((int)(e.LineNumber ?? 0) + 1, null, null, $"malformed JSON: {ShortMessage(e)}")]);
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Array)
                return new DocumentBatch([], [new DocumentError(1, null, null, "expected a JSON array of documents")]);
            var documents = new List<DocumentRecord>();
            var errors = new List<DocumentError>();
            var item = 0;
            foreach (var element in json.RootElement.EnumerateArray())
            {
                item++;
                try
                {
                    if (parser.TryParse(element, item, out var document, out var error)) documents.Add(document);
                    else errors.Add(error);
                }
                catch (InvalidOperationException)
                {
                    errors.Add(new DocumentError(item, null, null, UnpairedSurrogate));
                }
            }
            return new DocumentBatch(documents, errors);
        }
    }

    /// <summary>
    /// Opens a <c>.jsonl</c> or <c>.jsonl.gz</c> file for <see cref="EnumerateJsonLines"/>. Reading
    /// fails with <see cref="InvalidDataException"/> once more than <paramref name="maxBytes"/>
    /// come out of it (a small gzip can expand without bound), and with
    /// <see cref="DecoderFallbackException"/> on bytes that are not UTF-8.
    /// </summary>
    public static TextReader OpenFile(string path, long maxBytes = long.MaxValue)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(new BoundedReadStream(stream, maxBytes), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    private (DocumentRecord?, DocumentError?) ParseLine(string line, int lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(line, Options);
            return parser.TryParse(json.RootElement, lineNumber, out var document, out var error)
                ? (document, null)
                : (null, error);
        }
        catch (JsonException e)
        {
            return (null, new DocumentError(lineNumber, null, null, $"malformed JSON: {ShortMessage(e)}"));
        }
        catch (InvalidOperationException)
        {
            // A property name escaping half a surrogate pair: System.Text.Json throws on comparing it.
            return (null, new DocumentError(lineNumber, null, null, UnpairedSurrogate));
        }
    }

    private const string UnpairedSurrogate = "a property name holds an unpaired surrogate escape (\\uD800–\\uDFFF), which is not text";

    private static string ShortMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
