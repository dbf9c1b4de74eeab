using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Stories;

/// <summary>
/// One text carried by several outlets is one story: searched once by default with who carried it,
/// every copy with <c>collapse=none</c>, its carriers at <c>/api/stories/{id}</c>, its copies first
/// among a document's related documents.
/// </summary>
public sealed class StoryTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    /// <summary>A statement of some 200 words, distinct for each seed, holding <paramref name="word"/>.</summary>
    private static string Statement(int seed, string word)
    {
        string[] vocabulary =
        [
            "أعلنت", "الوزارة", "اليوم", "عن", "خطة", "جديدة", "لدعم", "المزارعين", "في", "المحافظات", "الجنوبية",
            "وقال", "المتحدث", "الرسمي", "إن", "الحكومة", "ستخصص", "مبالغ", "إضافية", "للري", "والبذور", "والأسمدة",
            "خلال", "الموسم", "المقبل", "وأضاف", "أن", "البرنامج", "يشمل", "تدريب", "الفنيين", "وتحديث", "المعدات",
            "كما", "أشار", "إلى", "تعاون", "مع", "المنظمات", "الدولية", "لتمويل", "المشروعات", "الصغيرة", "وتوفير",
            "فرص", "العمل", "للشباب", "والنساء", "الريفيات", "مؤكدا", "التزام", "الدولة", "بتحقيق", "الأمن", "الغذائي",
        ];
        var random = new Random(seed);
        var words = Enumerable.Range(0, 200).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
        words.Insert(100, word);
        return string.Join(' ', words) + ".";
    }

    private async Task<(string Word, ArchiveDocument[] Copies, ArchiveDocument Other)> PostStoryAsync()
    {
        var word = Statements.UniqueWord();
        // Each test's story its own text: the tests share one archive.
        var seed = Random.Shared.Next();
        var body = Statement(seed, word);
        ArchiveDocument[] copies =
        [
            Statements.Doc(Statements.UniqueId("wire"), body, "2021-03-01", "وكالة الأنباء", "الوزارة تعلن خطة لدعم المزارعين"),
            Statements.Doc(Statements.UniqueId("paper"), body + " وكان الوزير قد زار المحافظة الأسبوع الماضي.", "2021-03-02", "صحيفة الصباح", "خطة جديدة للمزارعين"),
            Statements.Doc(Statements.UniqueId("site"), body.Replace("،", ""), "2021-03-04", "موقع الأخبار", "دعم المزارعين في الجنوب"),
        ];
        var other = Statements.Doc(Statements.UniqueId("other"), Statement(seed + 1, word), "2021-03-03", "صحيفة المساء", "بيان آخر");
        await (await factory.CreateClient().PostNdjsonAsync([.. copies, other], wait: true)).ReadAcceptedAsync();
        return (word, copies, other);
    }

    [Fact]
    public async Task A_story_is_one_hit_with_its_copies_sources_and_first_date_while_total_counts_documents()
    {
        var (word, copies, other) = await PostStoryAsync();

        var result = await factory.CreateApi().SearchAsync(new SearchQuery { Q = word });

        Assert.Equal((4, 2L), (result.Total, result.Stories));
        Assert.Equal(2, result.Hits.Count);
        var story = Assert.Single(result.Hits, h => h.Id != other.Id).Story!;
        Assert.Equal(3, story.Copies);
        Assert.Equal(copies.Select(c => c.Source).Order(), story.Sources.Order());
        Assert.Equal("2021-03-01", story.First);
        Assert.Equal(1, Assert.Single(result.Hits, h => h.Id == other.Id).Story!.Copies);
        Assert.Equal(4, result.Facets.Source.Sum(b => b.Count));
    }

    [Fact]
    public async Task Collapse_none_lists_every_copy()
    {
        var (word, copies, other) = await PostStoryAsync();

        var result = await factory.CreateApi().SearchAsync(new SearchQuery { Q = word, Collapse = "none" });

        Assert.Equal(4, result.Total);
        Assert.Null(result.Stories);
        Assert.Equal(copies.Select(c => c.Id).Append(other.Id).Order(StringComparer.Ordinal), result.Hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(result.Hits, h => Assert.Null(h.Story));
    }

    [Fact]
    public async Task Pages_of_stories_never_show_a_story_twice()
    {
        var (word, _, _) = await PostStoryAsync();
        var api = factory.CreateApi();

        var first = await api.SearchAsync(new SearchQuery { Q = word, Size = 1, Page = 1 });
        var second = await api.SearchAsync(new SearchQuery { Q = word, Size = 1, Page = 2 });
        var third = await api.SearchAsync(new SearchQuery { Q = word, Size = 1, Page = 3 });

        Assert.NotEqual(first.Hits.Single().Story!.Id, second.Hits.Single().Story!.Id);
        Assert.Empty(third.Hits);
    }

    [Fact]
    public async Task A_story_lists_its_carriers_first_one_first_and_a_document_its_copies_first_among_related()
    {
        var (word, copies, other) = await PostStoryAsync();
        var api = factory.CreateApi();
        var hit = (await api.SearchAsync(new SearchQuery { Q = word })).Hits.Single(h => h.Id != other.Id);

        var story = await api.GetStoryAsync(hit.Story!.Id);
        var related = await api.GetRelatedAsync(copies[1].Id);

        Assert.Equal(3, story.Copies);
        Assert.Equal(copies.Select(c => c.Id), story.Carriers.Select(c => c.Id));
        Assert.True(story.Carriers[0].First);
        Assert.Equal([0, 1, 3], story.Carriers.Select(c => c.DaysAfterFirst));
        Assert.All(story.Carriers, c => Assert.False(string.IsNullOrWhiteSpace(c.Shared)));
        Assert.Equal(new[] { copies[0].Id, copies[2].Id }.Order(), related.Hits.Where(h => h.SameStory).Select(h => h.Id).Order());
        Assert.DoesNotContain(related.Hits, h => h.Id == copies[1].Id);
        Assert.True(related.Hits.TakeWhile(h => h.SameStory).Count() == 2, "the copies come first");
    }

    [Fact]
    public async Task Deleting_a_copy_takes_it_out_of_its_story()
    {
        var (word, copies, other) = await PostStoryAsync();
        var api = factory.CreateApi();

        (await factory.CreateClient().DeleteAsync($"/api/documents/{copies[0].Id}")).EnsureSuccessStatusCode();
        var result = await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Q = word }), r => r.Total == 3);
        var story = result.Hits.Single(h => h.Id != other.Id).Story!;

        Assert.Equal(2, story.Copies);
        Assert.Equal("2021-03-02", story.First);
    }

    [Fact]
    public async Task An_unknown_story_is_a_404_problem_and_a_bad_collapse_a_400_naming_it()
    {
        var missing = await factory.CreateClient().GetAsync("/api/stories/0123456789abcdef");
        var bad = await factory.CreateClient().GetAsync("/api/search?q=x&collapse=sideways");

        await missing.ReadProblemAsync(404);
        var problem = await bad.ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("collapse", out _));
    }
}
