using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Search.Core.Index;

/// <summary>Maps archive documents to Lucene documents and back.</summary>
internal static class LuceneDocumentMapper
{
    /// <summary>
    /// The body as text, stored, with each occurrence's offsets in the postings, so that a hit's
    /// snippet is found from the index (<see cref="Retrieval.Snippets.IndexedMatches"/>) rather than by
    /// analysing its whole body again; the index grows by a few percent for it (docs/performance.md).
    /// </summary>
    private static readonly FieldType BodyType = new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    }.Freeze();

    public static Document ToLucene(DocumentRecord record)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, record.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Id, new BytesRef(record.Id)),
            new TextField(IndexFields.Title, record.Title, Field.Store.YES),
            new BinaryDocValuesField(IndexFields.Title, new BytesRef(record.Title)),
            new Field(IndexFields.Body, record.Body, BodyType),
            new StringField(IndexFields.Source, record.Source, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Source, new BytesRef(record.Source)),
            new StoredField(IndexFields.Lang, record.Lang),
        };
        if (record.Date is { } date)
        {
            document.Add(new Int32Field(IndexFields.Date, date.DayNumber, Field.Store.YES));
            document.Add(new NumericDocValuesField(IndexFields.Date, date.DayNumber));
        }
        if (record.Category is not null)
            document.Add(new StringField(IndexFields.Category, record.Category, Field.Store.YES));
        if (record.Url is not null)
            document.Add(new StoredField(IndexFields.Url, record.Url));
        return document;
    }

    public static DocumentRecord FromLucene(Document document)
    {
        var day = document.GetField(IndexFields.Date)?.GetInt32Value();
        return new DocumentRecord(
            document.Get(IndexFields.Id),
            document.Get(IndexFields.Title) ?? "",
            day is { } d ? DateOnly.FromDayNumber(d) : null,
            document.Get(IndexFields.Body) ?? "",
            document.Get(IndexFields.Source) ?? "",
            document.Get(IndexFields.Lang) ?? "ar",
            document.Get(IndexFields.Category),
            document.Get(IndexFields.Url));
    }

    internal static string FormatDay(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture);
}
