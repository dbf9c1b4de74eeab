using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Languages;
using Search.Core.Quotes;

namespace Search.Core.Index;

/// <summary>Maps archive documents to Lucene documents and back.</summary>
internal static class LuceneDocumentMapper
{
    /// <summary>
    /// The Arabic body as text, with each occurrence's offsets in the postings, so that a hit's
    /// snippet is found from the index (<see cref="Retrieval.Snippets.IndexedMatches"/>) rather than by
    /// analysing its whole body again; the index grows by a few percent for it (docs/performance.md).
    /// It is stored apart, as UTF-8 (<see cref="StoredBody"/>).
    /// </summary>
    private static readonly FieldType BodyType = new FieldType(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    }.Freeze();

    /// <summary>
    /// The document as the index holds it: its title and body analysed in its language's fields
    /// (<see cref="LanguageAnalysis"/>: Arabic in <c>title</c>/<c>body</c>, English in <c>title.en</c>/<c>body.en</c>…)
    /// and stored under <c>title</c>/<c>body</c> whatever the language, its language as a keyword, and
    /// its quotations (<see cref="QuoteFields"/>), found here so that a reindex finds them again.
    /// </summary>
    public static Document ToLucene(DocumentRecord record) => new ReusedFields().Fill(record);

    /// <summary>
    /// The document <see cref="ToLucene"/> makes, in fields this thread made for the one before it: valid until the
    /// thread's next call, which is all that adding it to a writer needs (Lucene reads a document's fields while it
    /// adds it, never after). A field made anew makes its token stream anew, an attribute source of dictionaries and
    /// lists for one keyword, for each of a document's keywords: a tenth of all a rebuild of the corpus allocated.
    /// </summary>
    public static Document ToLuceneForIndexing(DocumentRecord record) => (t_fields ??= new ReusedFields()).Fill(record);

    [ThreadStatic]
    private static ReusedFields? t_fields;

    /// <summary>The fields a document may have but its stories and its quotations' doc values, each given the next document's value.</summary>
    private sealed class ReusedFields
    {
        private readonly StringField _id = new(IndexFields.Id, "", Field.Store.YES);
        private readonly SortedDocValuesField _idValue = new(IndexFields.Id, new BytesRef());
        private readonly BinaryDocValuesField _titleValue = new(IndexFields.Title, new BytesRef());
        private readonly StringField _source = new(IndexFields.Source, "", Field.Store.YES);
        private readonly SortedDocValuesField _sourceValue = new(IndexFields.Source, new BytesRef());
        private readonly StringField _lang = new(IndexFields.Lang, "", Field.Store.YES);
        private readonly SortedDocValuesField _langValue = new(IndexFields.Lang, new BytesRef());
        private readonly StringField _analysis = new(IndexFields.Analysis, "", Field.Store.NO);
        private readonly TextField _arabicTitle = new(IndexFields.Title, "", Field.Store.YES);
        private readonly Field _arabicBody = new(IndexFields.Body, "", BodyType);
        private readonly StoredField _storedTitle = new(IndexFields.Title, "");
        private readonly StoredField _storedBody = new(IndexFields.Body, new BytesRef());
        private readonly Int32Field _date = new(IndexFields.Date, 0, Field.Store.YES);
        private readonly NumericDocValuesField _dateValue = new(IndexFields.Date, 0);
        private readonly StringField _category = new(IndexFields.Category, "", Field.Store.YES);
        private readonly StoredField _url = new(IndexFields.Url, "");
        private readonly SpeakerKeysField _speakers = new();

        /// <summary>The fields of another language's title and body, by field name: each language analyses its own.</summary>
        private readonly Dictionary<string, TextField> _analysed = new(StringComparer.Ordinal);

        public Document Fill(DocumentRecord record)
        {
            var lang = record.ResolveLanguage();
            var analysis = LanguageAnalyses.For(lang);
            var document = new Document
            {
                Text(_id, record.Id),
                Bytes(_idValue, record.Id),
                Bytes(_titleValue, record.Title),
                Text(_source, record.Source),
                Bytes(_sourceValue, record.Source),
                Text(_lang, lang),
                Bytes(_langValue, lang),
                Text(_analysis, analysis.Name),
            };
            if (analysis == LanguageAnalyses.Arabic)
            {
                document.Add(Text(_arabicTitle, record.Title));
                document.Add(Text(_arabicBody, record.Body));
                document.Add(Bytes(_storedBody, record.Body));
                // The extractor reads Arabic speech (its verbs, titles and names): other languages have no quotations yet.
                QuoteFields.AddTo(document, QuoteExtractor.Default.Extract(record.Body), _speakers);
            }
            else
            {
                document.Add(Text(Analysed(analysis.TitleField), record.Title));
                document.Add(Text(_storedTitle, record.Title));
                document.Add(Text(Analysed(analysis.BodyField), record.Body));
                document.Add(Bytes(_storedBody, record.Body));
            }
            if (record.Date is { } date)
            {
                _date.SetInt32Value(date.DayNumber);
                _dateValue.SetInt64Value(date.DayNumber);
                document.Add(_date);
                document.Add(_dateValue);
            }
            if (record.Category is not null)
                document.Add(Text(_category, record.Category));
            if (record.Url is not null)
                document.Add(Text(_url, record.Url));
            return document;
        }

        private TextField Analysed(string name)
        {
            if (!_analysed.TryGetValue(name, out var field))
                _analysed[name] = field = new TextField(name, "", Field.Store.NO);
            return field;
        }

        /// <summary>The field holding <paramref name="value"/> as its text: a keyword, or text to analyse or to store.</summary>
        private static Field Text(Field field, string value)
        {
            field.SetStringValue(value);
            return field;
        }

        /// <summary>The doc-values or stored field holding <paramref name="value"/> in UTF-8, in the bytes it held the last.</summary>
        private static Field Bytes(Field field, string value)
        {
            field.GetBinaryValue().CopyChars(value);
            return field;
        }
    }

    /// <summary>
    /// The record stored for document <paramref name="doc"/> of <paramref name="reader"/>, with its quotations as stored
    /// (<see cref="QuoteFields"/>); only <paramref name="fields"/> read when they are given, the others left empty.
    /// </summary>
    public static StoredRecord Read(IndexReader reader, int doc, ISet<string>? fields = null)
    {
        var (record, body) = ReadBodyApart(reader, doc, fields);
        return record with { Record = record.Record with { Body = body.ToString() } };
    }

    /// <summary>
    /// The record stored for document <paramref name="doc"/> as <see cref="Read"/> gives it, but with an empty body, and
    /// the body as stored beside it, to be decoded as far as its reader needs (<see cref="StoredBody"/>).
    /// </summary>
    public static (StoredRecord Record, StoredBody Body) ReadBodyApart(IndexReader reader, int doc, ISet<string>? fields = null)
    {
        var stored = new StoredRecordVisitor(fields);
        reader.Document(doc, stored);
        return (new StoredRecord(
            new DocumentRecord(stored.Id!, stored.Title ?? "", stored.Day is { } day ? DateOnly.FromDayNumber(day) : null, "",
                stored.Source ?? "", stored.Lang, stored.Category, stored.Url),
            stored.Quotes), stored.Body ?? StoredBody.OfText(""));
    }

    /// <summary>
    /// Reads a document's stored values straight into their places, each field's first value as a document's
    /// <c>Get</c> gives it: Lucene's own visitor makes a field, its type and a list entry of each value, and each
    /// <c>Get</c> walked that list again (4% of what a search over HTTP allocated, an allocation trace). Fields
    /// the record does not hold are skipped undecoded.
    /// </summary>
    private sealed class StoredRecordVisitor(ISet<string>? fields) : StoredFieldVisitor
    {
        public string? Id, Title, Source, Lang, Category, Url, Quotes;
        public StoredBody? Body;
        public int? Day;

        public override Status NeedsField(FieldInfo fieldInfo) =>
            fieldInfo.Name is IndexFields.Id or IndexFields.Title or IndexFields.Body or IndexFields.Source or IndexFields.Lang
                or IndexFields.Category or IndexFields.Url or IndexFields.Date or QuoteFields.Text
                && (fields is null || fields.Contains(fieldInfo.Name))
                ? Status.YES
                : Status.NO;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case IndexFields.Id: Id ??= value; break;
                case IndexFields.Title: Title ??= value; break;
                case IndexFields.Body: Body ??= StoredBody.OfText(value); break;
                case IndexFields.Source: Source ??= value; break;
                case IndexFields.Lang: Lang ??= value; break;
                case IndexFields.Category: Category ??= value; break;
                case IndexFields.Url: Url ??= value; break;
                case QuoteFields.Text: Quotes ??= value; break;
            }
        }

        /// <summary>The body, stored as UTF-8 since segments written by <see cref="ReusedFields"/>.</summary>
        public override void BinaryField(FieldInfo fieldInfo, byte[] value)
        {
            if (fieldInfo.Name == IndexFields.Body)
                Body ??= StoredBody.OfUtf8(value);
        }

        public override void Int32Field(FieldInfo fieldInfo, int value)
        {
            if (fieldInfo.Name == IndexFields.Date)
                Day ??= value;
        }
    }

    internal static string FormatDay(int dayNumber) =>
        DateOnly.FromDayNumber(dayNumber).ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture);
}

/// <summary>A document as stored: its record, and its quotations as <see cref="QuoteFields"/> stored them (null for none).</summary>
internal sealed record StoredRecord(DocumentRecord Record, string? Quotes);
