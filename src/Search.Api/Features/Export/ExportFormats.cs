using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Search.Core.Export;

namespace Search.Api.Features.Export;

public enum ExportFormat { Csv, Jsonl }

/// <summary>
/// The rows of an export as text. CSV per RFC 4180: a header, CRLF after every record, every field in
/// double quotes with quotes doubled (a body's line breaks stay inside its field), and the UTF-8 BOM
/// before it all, which spreadsheet programs need to show Arabic rather than mojibake. A field that begins
/// with a character spreadsheets read as the start of a formula (<c>= + - @</c>, a tab, a carriage return)
/// gets an apostrophe before it, which spreadsheets take as "text" and do not show: an archived page's
/// title such as <c>=HYPERLINK("http://…")</c> would otherwise run as a formula in the analyst's
/// spreadsheet (OWASP's CSV injection). The JSON Lines export keeps every field as it is. JSON Lines:
/// one document a line under the field names <c>POST /api/documents</c> reads, so an export can be
/// sent back as it is (the snippet and score ride along; unknown fields are ignored there).
/// </summary>
public static class ExportFormats
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string MediaType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "jsonl";

    public static byte[] Preamble(ExportFormat format, bool body) => format == ExportFormat.Csv
        ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CsvRecord(body
            ? ["id", "date", "source", "title", "url", "snippet", "body"]
            : ["id", "date", "source", "title", "url", "snippet"]))]
        : [];

    public static void Write(ExportFormat format, ExportRow row, bool body, Stream output)
    {
        var document = row.Document;
        if (format == ExportFormat.Csv)
        {
            string[] fields = body
                ? [document.Id, document.IsoDate ?? "", document.Source, document.Title, document.Url ?? "", row.Snippet, document.Body]
                : [document.Id, document.IsoDate ?? "", document.Source, document.Title, document.Url ?? "", row.Snippet];
            output.Write(Encoding.UTF8.GetBytes(CsvRecord(fields)));
            return;
        }
        using (var json = new Utf8JsonWriter(output, Json))
        {
            json.WriteStartObject();
            json.WriteString("id", document.Id);
            json.WriteString("title", document.Title);
            if (document.IsoDate is { } date) json.WriteString("date", date); else json.WriteNull("date");
            json.WriteString("source", document.Source);
            if (document.Lang is { } lang) json.WriteString("lang", lang);
            if (document.Category is { } category) json.WriteString("category", category);
            if (document.Url is { } url) json.WriteString("url", url);
            if (document.Translations.Count > 0)
            {
                json.WriteStartArray("translations");
                foreach (var link in document.Translations)
                {
                    json.WriteStartObject();
                    if (link.Lang is { } linkLang) json.WriteString("lang", linkLang);
                    json.WriteString(link.IsAddress ? "url" : "id", link.Target);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteString("snippet", row.Snippet);
            json.WriteNumber("score", Math.Round(row.Score, 4));
            if (body) json.WriteString("body", document.Body);
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private static string CsvRecord(IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                line.Append(',');
            line.Append('"');
            if (fields[i].Length > 0 && FormulaStarts.Contains(fields[i][0]))
                line.Append('\'');
            line.Append(fields[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return line.Append("\r\n").ToString();
    }
}
