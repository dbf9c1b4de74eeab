using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>Queries are analysed like documents, and ranked as <see cref="RankingOptions.Default"/> says.</summary>
public sealed class ArabicQueryTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly FSDirectory _directory;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = ArabicSearchAnalyzer.Create();
    private DirectoryReader? _reader;

    public ArabicQueryTests() => _directory = new NIOFSDirectory(new DirectoryInfo(_folder.Path));

    private void Index(params (string Id, string Title, string Body)[] documents)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, _analyzer) { Similarity = SearchSimilarity.Create() }))
            foreach (var (id, title, body) in documents)
                writer.AddDocument(LuceneDocumentMapper.ToLucene(new DocumentRecord(id, title, null, body, "test")));
        _reader = DirectoryReader.Open(_directory);
    }

    private List<string> Search(string text, RankingOptions? ranking = null)
    {
        var searcher = new IndexSearcher(_reader!) { Similarity = SearchSimilarity.Create() };
        var compiled = new LuceneQueryBuilder(_analyzer, ranking).Build(UserQueryParser.Parse(text));
        return compiled.Query is null ? [] : searcher.Search(compiled.Query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id)).ToList();
    }

    [Fact]
    public void Spelling_variants_find_the_same_documents()
    {
        Index(("a", "", "أعلنت وزارة الصحة الأمريكية تسجيل ٣ حالات في عام 2021"),
              ("b", "", "أكدت الوزارة أن الحكومة الامريكيه ستتخذ الإجراءات في ٢٠٢١"),
              ("c", "", "تقرير عن الاقتصاد في أوروبا"));
        var expected = Search("الأمريكية").Order().ToList();
        Assert.Equal(["a", "b"], expected);
        foreach (var variant in (string[])["الامريكية", "الامريكيه", "الأمْرِيكِيَّة", "الأمريكيـــة", "والأمريكية"])
            Assert.Equal(expected, Search(variant).Order().ToList());
        Assert.Equal(["a", "b"], Search("2021").Order().ToList());
        Assert.Equal(["a", "b"], Search("٢٠٢١").Order().ToList());
        Assert.Equal(["a", "b"], Search("۲۰۲۱").Order().ToList());
    }

    [Fact]
    public void The_bare_and_definite_forms_of_a_word_match_each_other()
    {
        Index(("a", "", "وصل الوزير إلى المؤتمر"), ("b", "", "التقى وزير الخارجية بنظيره"), ("c", "", "وأعلن للوزير مساعده"), ("d", "", "زير الماء مكسور"));
        Assert.Equal(["a", "b", "c"], Search("وزير").Order().ToList());
        Assert.Equal(["a", "b", "c"], Search("والوزير").Order().ToList());
    }

    [Fact]
    public void The_exact_form_ranks_above_a_mere_stem_match()
    {
        // The plural and the singular share a stem; each is the other's mere stem match.
        Index(("singular", "", "قال المعلم في المؤتمر الصحفي كلاما"), ("plural", "", "قال المعلمات في المؤتمر الصحفي كلاما"));
        Assert.Equal(["plural", "singular"], Search("المعلمات"));
        Assert.Equal(["singular", "plural"], Search("المعلم"));
    }

    [Fact]
    public void A_quoted_phrase_matches_the_words_as_written_modulo_normalisation_and_proclitics()
    {
        Index(("written", "", "صرح وزير الخارجية بأن المحادثات مستمرة"),
              ("preposition", "", "صرح لوزير الخارجية بأن المحادثات مستمرة"),
              ("inflected", "", "صرح وزراء الخارجية بأن المحادثات مستمرة"),
              ("apart", "", "صرح وزير بأن الخارجية مستمرة"));
        Assert.Equal(["preposition", "written"], Search("\"وزير الخارجية\"").Order());
        Assert.Equal(["preposition", "written"], Search("\"وزيـر الخارجيّة\"").Order());
        Assert.Equal(["apart", "inflected", "preposition", "written"], Search("وزير الخارجية").Order());
    }

    [Fact]
    public void A_quoted_word_matches_its_endings_as_written_and_any_proclitics()
    {
        Index(("bare", "", "صرح وزير بأن المحادثات مستمرة"), ("definite", "", "صرح والوزير بأن المحادثات مستمرة"),
              ("feminine", "", "صرحت الوزيرة بأن المحادثات مستمرة"));
        Assert.Equal(["bare", "definite"], Search("\"الوزير\"").Order());
        Assert.Equal(["feminine"], Search("\"وزيرة\"").Order());
        Assert.Equal(["bare", "definite", "feminine"], Search("وزير").Order());
    }

    [Fact]
    public void A_stem_found_under_both_its_spellings_scores_as_one_term()
    {
        // وزير is written as its exact form alone, الوزير as the stem وزير beside its exact form: a stem
        // lookup reads both terms, with the frequencies summed as if the index held one.
        Index(("bare", "", "وزير وزير"), ("definite", "", "الوزير الوزير"), ("both", "", "وزير الوزير"));
        var searcher = new IndexSearcher(_reader!) { Similarity = SearchSimilarity.Create() };
        var stem = new WordTermsQuery(IndexFields.Body, ["وزير", "=وزير"], exact: null, exactBoost: 0);
        var scores = searcher.Search(stem, 10).ScoreDocs;
        Assert.Equal(3, scores.Length);
        Assert.All(scores, hit => Assert.Equal(scores[0].Score, hit.Score, 5));
    }

    [Fact]
    public void Query_words_found_near_each_other_rank_higher()
    {
        Index(("apart", "", "الطاقة مصدر مهم في كل بلد ويعتمد عليه الناس كثيرا ويقولون إن الشمسية غالية"),
              ("near", "", "الطاقة الشمسية مصدر مهم في كل بلد ويعتمد عليه الناس كثيرا ويقولون إنها غالية"));
        Assert.Equal(["near", "apart"], Search("الطاقة الشمسية"));
    }

    [Fact]
    public void Question_words_do_not_score()
    {
        Index(("answer", "", "تأسست الجامعة في القاهرة عام 1908 بمبادرة من المثقفين"),
              ("noise", "", "كيف كيف كيف لماذا ما هل الجامعة"));
        Assert.Equal(["answer", "noise"], Search("كيف تأسست الجامعة؟"));
        Assert.Empty(Search("كيف لماذا"));
    }

    [Fact]
    public void A_document_whose_whole_title_the_question_names_ranks_above_one_that_only_repeats_the_word()
    {
        // رادار is in many titles, so a title match alone says little; the repeating body says more, unless the whole title is the question's.
        Index(("named", "رادار", "جهاز يكشف الأجسام البعيدة ويحدد سرعتها ويستعمل الرادار في الملاحة وتطور الرادار منذ الحرب"),
              ("repeats", "الطيران المدني", "الرادار الجديد في المطار والرادار أدق من الرادار القديم"),
              ("other-1", "رادار المطار الجديد", "افتتح المطار صالة جديدة للمسافرين"),
              ("other-2", "صيانة رادار الميناء", "أعلنت إدارة الميناء أعمال صيانة"),
              ("other-3", "رادار الشرطة", "حملة مرورية على الطرق السريعة"));
        Assert.Equal(["named", "repeats"], Search("ما هو الرادار؟")[..2]);
        Assert.Equal(["repeats", "named"], Search("ما هو الرادار؟", RankingOptions.Default with { WholeTitleBoost = 0 })[..2]);
    }

    [Fact]
    public void Names_keep_their_first_letter()
    {
        Index(("washington", "", "زار الرئيس واشنطن أمس"), ("other", "", "زار الرئيس اشنطن أمس"));
        Assert.Equal(["washington"], Search("واشنطن"));
        Assert.Equal(["washington"], Search("وواشنطن"));
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _folder.Dispose();
    }
}
