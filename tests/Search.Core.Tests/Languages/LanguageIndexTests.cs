using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Languages;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Languages;

/// <summary>
/// The layout the registry gives an index, in a real Lucene index on disk: each document's title
/// and body in its language's fields, written with <see cref="LanguageAnalyses.CreateFieldAnalyzer"/>;
/// a query analysed once per language asked for, each analysis matching its own fields. The query
/// here is the plain union of a word's terms; the product's query builder is wired in later.
/// </summary>
public sealed class LanguageIndexTests : IDisposable
{
    private static readonly (string Id, string Lang, string Title, string Body)[] Documents =
    [
        ("ar-1", "ar", "بيان وزارة الخارجية", "أصدر وزير الخارجية بيانا حول اتفاق وقف إطلاق النار وجائحة COVID."),
        ("en-1", "en", "Statement of the Ministry", "The minister issued a statement on the ceasefire agreement and the COVID pandemic."),
        ("ru-1", "ru", "Заявление министерства", "Министр сделал заявление о соглашении о прекращении огня."),
        ("fr-1", "fr", "Communiqué du ministère", "Le ministre a publié un communiqué sur l'accord de cessez-le-feu."),
        ("de-1", "de", "Erklärung des Ministeriums", "Der Minister gab eine Erklärung zum Waffenstillstand ab."),
    ];

    private readonly TempDataFolder _folder = new();
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;

    public LanguageIndexTests()
    {
        _directory = FSDirectory.Open(_folder.File("index"));
        using (var analyzer = LanguageAnalyses.CreateFieldAnalyzer())
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, analyzer)))
        {
            foreach (var (id, lang, title, body) in Documents)
            {
                var analysis = LanguageAnalyses.For(lang);
                writer.AddDocument(new Document
                {
                    new StringField("id", id, Field.Store.YES),
                    new TextField(analysis.TitleField, title, Field.Store.NO),
                    new TextField(analysis.BodyField, body, Field.Store.NO),
                });
            }
        }
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("statements", "en-1")]
    [InlineData("Ministry's", "en-1")]
    [InlineData("заявлению", "ru-1")]
    [InlineData("министерству", "ru-1")]
    [InlineData("accords", "fr-1")]
    [InlineData("l'accord", "fr-1")]
    [InlineData("ministere", "en-1 fr-1")]
    [InlineData("الوزير", "ar-1")]
    [InlineData("للوزير", "ar-1")]
    [InlineData("erklarung", "de-1")]
    [InlineData("COVID", "ar-1 en-1")]
    public void A_query_finds_each_document_in_its_own_languages_analysis(string query, string expected) =>
        Assert.Equal(expected, Search(query, Documents.Select(d => d.Lang)));

    [Theory]
    [InlineData("COVID", "en", "en-1")]
    [InlineData("COVID", "ar", "ar-1")]
    [InlineData("statements", "fr", "")]
    public void A_query_for_one_language_matches_that_languages_fields_only(string query, string lang, string expected) =>
        Assert.Equal(expected, Search(query, [lang]));

    /// <summary>The ids of the documents holding any term of the query, as analysed for each of the languages.</summary>
    private string Search(string text, IEnumerable<string> languages)
    {
        var query = new BooleanQuery();
        foreach (var analysis in LanguageAnalyses.ForQuery(languages))
        {
            using var analyzer = analysis.Create();
            using var stream = analyzer.GetTokenStream(analysis.BodyField, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                // A stem is indexed under its exact form too, when a word is its own stem.
                var value = term.ToString();
                foreach (var spelling in value[0] == ArabicSearchAnalyzer.ExactPrefix ? [value] : new[] { value, ArabicSearchAnalyzer.ExactPrefix + value })
                    foreach (var field in (string[])[analysis.TitleField, analysis.BodyField])
                        query.Add(new TermQuery(new Term(field, spelling)), Occur.SHOULD);
            }
            stream.End();
        }
        var searcher = new IndexSearcher(_reader);
        return string.Join(' ', searcher.Search(query, 10).ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get("id")).Order());
    }
}
