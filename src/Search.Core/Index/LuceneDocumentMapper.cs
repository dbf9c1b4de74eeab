using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Languages;
using Search.Core.Quotes;

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

    /// <summary>
    /// The document as the index holds it: its title and body analysed in its language's fields
    /// (<see cref="LanguageAnalysis"/>: Arabic in <c>title</c>/<c>body</c>, English in <c>title.en</c>/<c>body.en</c>…)
    /// and stored under <c>title</c>/<c>body</c> whatever the language, its language as a keyword, and
    /// its quotations (<see cref="QuoteFields"/>), found here so that a reindex finds them again.
    /// </summary>
    public static Document ToLucene(DocumentRecord record)
    {
        var lang = record.ResolveLanguage();
        var analysis = LanguageAnalyses.For(lang);
        var document = new Document
        {
            new StringField(IndexFields.Id, record.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Id, new BytesRef(record.Id)),
            new BinaryDocValuesField(IndexFields.Title, new BytesRef(record.Title)),
            new StringField(IndexFields.Source, record.Source, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Source, new BytesRef(record.Source)),
            new StringField(IndexFields.Lang, lang, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Lang, new BytesRef(lang)),
            new StringField(IndexFields.Analysis, analysis.Name, Field.Store.NO),
        };
        if (analysis == LanguageAnalyses.Arabic)
        {
            document.Add(new TextField(IndexFields.Title, record.Title, Field.Store.YES));
            document.Add(new Field(IndexFields.Body, record.Body, BodyType));
            // The extractor reads Arabic speech (its verbs, titles and names): other languages have no quotations yet.
            QuoteFields.AddTo(document, QuoteExtractor.Default.Extract(record.Body));
        }
        else
        {
            document.Add(new TextField(analysis.TitleField, record.Title, Field.Store.NO));
            document.Add(new StoredField(IndexFields.Title, record.Title));
            document.Add(new TextField(analysis.BodyField, record.Body, Field.Store.NO));
            document.Add(new StoredField(IndexFields.Body, record.Body));
        }
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
            document.Get(IndexFields.Lang),
            document.Get(IndexFields.Category),
            document.Get(IndexFields.Url));
    }

    internal static string FormatDay(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture);
}
