using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Stories;

/// <summary>
/// What a hit says of its story: how many copies, the outlets in the order of each one's first copy (earliest
/// day, undated last, then id), and the earliest date; counted over every copy, however many an outlet carried.
/// </summary>
public sealed class StorySummaryTests : IDisposable
{
    private const string Body =
        "أعلنت وزارة الاقتصاد اليوم عن حزمة جديدة من الإجراءات لدعم المشروعات الصغيرة والمتوسطة، وقال الوزير في مؤتمر صحفي " +
        "إن الحكومة ستخصص مبالغ كبيرة لتمويل القروض الميسرة خلال العام المقبل، وإن البنك المركزي سيتابع تنفيذ البرنامج مع المصارف.";

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Outlets_come_in_the_order_of_their_first_copies_and_every_copy_is_counted()
    {
        using var engine = _folder.OpenEngineWith(
        [
            new("b-late", "حزمة إجراءات", new DateOnly(2022, 5, 3), Body, "B"),
            new("a-late", "الاقتصاد يدعم المشروعات", new DateOnly(2022, 5, 5), Body, "A"),
            new("b-early", "دعم المشروعات الصغيرة", new DateOnly(2022, 5, 1), Body, "B"),
            new("c-undated", "قروض ميسرة", null, Body, "C"),
            new("a-early", "وزارة الاقتصاد", new DateOnly(2022, 5, 2), Body, "A"),
            new("d-same-day", "إجراءات جديدة", new DateOnly(2022, 5, 2), Body, "D"),
        ]);

        var hit = Assert.Single(engine.Search(new SearchRequest("المشروعات")).Hits);

        var story = Assert.IsType<StorySummary>(hit.Story);
        Assert.Equal(6, story.Copies);
        // A's first copy and D's share a day: the id decides (a-early before d-same-day).
        Assert.Equal(["B", "A", "D", "C"], story.Sources);
        Assert.Equal(new DateOnly(2022, 5, 1), story.First);
    }
}
