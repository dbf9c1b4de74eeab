using System.Text;
using Search.Core.Ingest.Pages;
using Search.Core.Ingest;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest;

/// <summary>Pages through the engine's one way in: each stored or refused on its own, with one report.</summary>
public sealed class PageIntakeTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public PageIntakeTests() => _engine = _folder.OpenEngine();

    public void Dispose() => _folder.Dispose();

    private static PageFile Page(string name, string content) => new(name, Encoding.UTF8.GetBytes(content));

    private static readonly string Undated = $"{Title} بلا تاريخ\nتستمر المشاورات بين الجانبين دون تحديد موعد للجولة المقبلة.";

    [Fact]
    public void Reports_each_page_and_the_totals()
    {
        var report = _engine.IngestPages([Page("2022/statement.txt", StatementText), Page("undated.txt", Undated), Page("empty.html", "<html></html>")]);

        Assert.Equal((2, 0, 1, 1), (report.Accepted, report.Replaced, report.Undated, report.Refused));
        Assert.Equal([IngestStatus.Added, IngestStatus.Added, IngestStatus.Refused], report.Items.Select(i => i.Status));
        var statement = report.Items[0];
        Assert.Equal(("2022/statement.txt", Title, (DateOnly?)Date, "utf-8"), (statement.Name, statement.Title, statement.Date, statement.Encoding));
        Assert.True(report.Items[1].Undated);
        Assert.Equal("no article text was found in the page", report.Items[2].Reason);
        Assert.Equal(2, _engine.Archive.Count());
        Assert.Equal(_engine.Archive.LastSequence, report.Sequence);
    }

    [Fact]
    public void The_same_page_twice_is_one_document_the_second_time_replaced()
    {
        var first = _engine.IngestPages([Page("a.txt", StatementText)]);
        var again = _engine.IngestPages([Page("copy/a.txt", StatementText.Replace("\n", "\r\n"))]);
        var twiceInOneBatch = _engine.IngestPages([Page("b.txt", Undated), Page("c.txt", Undated)]);

        Assert.Equal(IngestStatus.Added, Assert.Single(first.Items).Status);
        Assert.Equal(IngestStatus.Replaced, Assert.Single(again.Items).Status);
        Assert.Equal(first.Items[0].Id, again.Items[0].Id);
        Assert.Equal([IngestStatus.Added, IngestStatus.Replaced], twiceInOneBatch.Items.Select(i => i.Status));
        Assert.Equal(2, _engine.Archive.Count());
    }

    [Fact]
    public void A_page_is_found_by_a_phrase_from_its_body_with_its_title_and_date()
    {
        _engine.IngestPages([Page("statement.txt", StatementText), Page("fair.html", Html(articleHeader: $"<h1>{HtmlTitle}</h1>"))]);
        _engine.CatchUp();

        var statement = Assert.Single(_engine.Search(new SearchRequest("\"لجنة مشتركة لمتابعة مشاريع الطاقة\"")).Hits);
        var fair = Assert.Single(_engine.Search(new SearchRequest("\"ندوات فكرية وأمسيات شعرية\"")).Hits);
        var furniture = _engine.Search(new SearchRequest("فيسبوك OR الوسوم OR التعليقات"));

        Assert.Equal((Title, (DateOnly?)Date), (statement.Title, statement.Date));
        Assert.Equal((HtmlTitle, (DateOnly?)null), (fair.Title, fair.Date));
        Assert.Equal(0, furniture.Total);
    }
}
