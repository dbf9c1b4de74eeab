using Search.Core.Ingest.Pages;

namespace Search.Core.Tests.Ingest.Pages;

public class PageIdsTests
{
    [Theory]
    [InlineData("https://www.Example.org/ar/news/12/", "http://example.org/ar/news/12")]
    [InlineData("https://example.org/ar/news/12#comments", "https://example.org:443/ar/news/12")]
    [InlineData("https://example.org/ar/news?id=12", "https://EXAMPLE.org/ar/news?id=12")]
    public void Spellings_of_one_address_give_one_id(string one, string other)
    {
        Assert.Equal(PageIds.FromUrl(one), PageIds.FromUrl(other));
    }

    [Theory]
    [InlineData("https://example.org/ar/news/12", "https://example.org/ar/news/13")]
    [InlineData("https://example.org/ar/news?id=12", "https://example.org/ar/news?id=13")]
    [InlineData("https://example.org/ar/news/12", "https://example.com/ar/news/12")]
    public void Different_addresses_give_different_ids(string one, string other)
    {
        Assert.NotEqual(PageIds.FromUrl(one), PageIds.FromUrl(other));
    }

    [Fact]
    public void The_same_content_gives_the_same_id_and_any_change_another()
    {
        var date = new DateOnly(2022, 3, 14);
        var id = PageIds.FromContent("عنوان", date, "نص البيان");

        Assert.Equal(id, PageIds.FromContent("عنوان", date, "نص البيان"));
        Assert.NotEqual(id, PageIds.FromContent("عنوان", date, "نص البيان المعدل"));
        Assert.NotEqual(id, PageIds.FromContent("عنوان", null, "نص البيان"));
        Assert.NotEqual(id, PageIds.FromContent("عنوان آخر", date, "نص البيان"));
        Assert.Matches("^page-[0-9a-f]{20}$", id);
    }
}
