using System.Text.Json;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;

namespace Search.Core.Tests.Ingest.Json;

public class DocumentParserTests
{
    private const int Line = 7;

    private static (bool Ok, DocumentRecord Document, DocumentError Error) Parse(string json, DocumentParser? parser = null)
    {
        using var document = JsonDocument.Parse(json);
        var ok = (parser ?? new DocumentParser()).TryParse(document.RootElement, Line, out var record, out var error);
        return (ok, record, error);
    }

    [Fact]
    public void Reads_a_complete_document()
    {
        var (ok, document, _) = Parse("""
            {"id": "bayan-1", "title": " بيان وزارة الخارجية ", "date": "2021-07-27",
             "body": "أعلنت الوزارة اليوم عن خطة جديدة.", "source": " وكالة الأنباء ", "lang": "ar",
             "category": "سياسة", "url": "https://example.org/1"}
            """);

        Assert.True(ok);
        Assert.Equal(new DocumentRecord("bayan-1", "بيان وزارة الخارجية", new DateOnly(2021, 7, 27),
            "أعلنت الوزارة اليوم عن خطة جديدة.", "وكالة الأنباء", "ar", "سياسة", "https://example.org/1"), document);
        Assert.Equal("2021-07-27", document.IsoDate);
    }

    [Fact]
    public void Reads_a_minimal_document_with_defaults()
    {
        var (ok, document, _) = Parse("""{"id": "a", "body": "نص قصير"}""");

        Assert.True(ok);
        Assert.Equal("", document.Title);
        Assert.Equal("", document.Source);
        Assert.Null(document.Date);
        Assert.Null(document.Category);
        Assert.Null(document.Url);
        Assert.Null(document.Lang);
        Assert.Equal("ar", document.ResolveLanguage());
    }

    [Theory]
    [InlineData("""{"id": 42, "body": "نص"}""", "42")]
    [InlineData("""{"id": -7, "body": "نص"}""", "-7")]
    [InlineData("""{"id": "  trimmed  ", "body": "نص"}""", "trimmed")]
    [InlineData("""{"id": "معرف-عربي", "body": "نص"}""", "معرف-عربي")]
    public void Reads_the_id_as_a_string(string json, string expectedId)
    {
        var (ok, document, _) = Parse(json);

        Assert.True(ok);
        Assert.Equal(expectedId, document.Id);
    }

    [Theory]
    [InlineData("""{"body": "نص"}""", "id")]
    [InlineData("""{"id": null, "body": "نص"}""", "id")]
    [InlineData("""{"id": "", "body": "نص"}""", "id")]
    [InlineData("""{"id": "   ", "body": "نص"}""", "id")]
    [InlineData("""{"id": {"value": 1}, "body": "نص"}""", "id")]
    [InlineData("""{"id": true, "body": "نص"}""", "id")]
    [InlineData("""{"id": ["a"], "body": "نص"}""", "id")]
    [InlineData("""{"id": 1.5, "body": "نص"}""", "id")]
    [InlineData("""{"id": "a\u0001b", "body": "نص"}""", "id")]
    [InlineData("""{"id": "a"}""", "body")]
    [InlineData("""{"id": "a", "body": null}""", "body")]
    [InlineData("""{"id": "a", "body": ""}""", "body")]
    [InlineData("""{"id": "a", "body": "  \n "}""", "body")]
    [InlineData("""{"id": "a", "body": 12}""", "body")]
    [InlineData("""{"id": "a", "body": "قبل\u0000بعد"}""", "body")]
    [InlineData("""{"id": "a", "body": "نص", "date": "2021-13-45"}""", "date")]
    [InlineData("""{"id": "a", "body": "نص", "date": "yesterday"}""", "date")]
    [InlineData("""{"id": "a", "body": "نص", "date": "07/2021"}""", "date")]
    [InlineData("""{"id": "a", "body": "نص", "date": "2021-02-30"}""", "date")]
    [InlineData("""{"id": "a", "body": "نص", "date": 20210727}""", "date")]
    [InlineData("""{"id": "a", "body": "نص", "title": 5}""", "title")]
    [InlineData("""{"id": "a", "body": "نص", "title": ["عنوان"]}""", "title")]
    [InlineData("""{"id": "a", "body": "نص", "source": {"name": "وكالة"}}""", "source")]
    [InlineData("""{"id": "a", "body": "نص", "source": false}""", "source")]
    [InlineData("""{"id": "a", "body": "نص", "lang": 1}""", "lang")]
    [InlineData("""{"id": "a", "body": "نص", "category": []}""", "category")]
    [InlineData("""{"id": "a", "body": "نص", "url": 3}""", "url")]
    public void Refuses_a_faulty_field_naming_it_and_the_line(string json, string field)
    {
        var (ok, _, error) = Parse(json);

        Assert.False(ok);
        Assert.Equal(field, error.Field);
        Assert.Equal(Line, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.StartsWith($"line {Line}", error.ToString());
    }

    [Theory]
    [InlineData("""{"id": "a", "date": "2021-07-27"}""")]
    [InlineData("""{"id": "a", "body": "نص", "date": "yesterday"}""")]
    [InlineData("""{"id": "a", "body": "نص", "title": 5}""")]
    public void An_error_after_the_id_carries_the_id(string json)
    {
        var (ok, _, error) = Parse(json);

        Assert.False(ok);
        Assert.Equal("a", error.Id);
        Assert.Contains("(id a)", error.ToString());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("12")]
    [InlineData("null")]
    public void Refuses_a_value_that_is_not_an_object(string json)
    {
        var (ok, _, error) = Parse(json);

        Assert.False(ok);
        Assert.Null(error.Field);
        Assert.Null(error.Id);
        Assert.Equal(Line, error.Line);
    }

    [Theory]
    [InlineData("2021-07-27", 2021, 7, 27)]
    [InlineData("٢٠٢١-٠٧-٢٧", 2021, 7, 27)]
    [InlineData("۲۰۲۱-۰۷-۲۷", 2021, 7, 27)]
    [InlineData(" 2021-07-27 ", 2021, 7, 27)]
    [InlineData("2021-07-27T10:15:00Z", 2021, 7, 27)]
    [InlineData("2021-07-27 10:15", 2021, 7, 27)]
    [InlineData("2020-02-29", 2020, 2, 29)]
    [InlineData("27/07/2021", 2021, 7, 27)]
    [InlineData("الثلاثاء 27 يوليو/ تموز 2021", 2021, 7, 27)]
    [InlineData("١٥ ذو الحجة ١٤٤٢ هـ", 2021, 7, 25)]
    public void Reads_dates_with_the_arabic_date_reader(string date, int year, int month, int day)
    {
        var (ok, document, _) = Parse($$"""{"id": "a", "body": "نص", "date": "{{date}}"}""");

        Assert.True(ok);
        Assert.Equal(new DateOnly(year, month, day), document.Date);
    }

    [Theory]
    [InlineData("""{"id": "a", "body": "نص"}""")]
    [InlineData("""{"id": "a", "body": "نص", "date": null}""")]
    [InlineData("""{"id": "a", "body": "نص", "date": ""}""")]
    [InlineData("""{"id": "a", "body": "نص", "date": "   "}""")]
    public void A_document_without_a_date_is_undated(string json)
    {
        var (ok, document, _) = Parse(json);

        Assert.True(ok);
        Assert.Null(document.Date);
        Assert.Null(document.IsoDate);
    }

    [Fact]
    public void Ignores_unknown_fields()
    {
        var (ok, document, _) = Parse("""
            {"id": "a", "body": "نص", "dataset": "SaudiNewsNet", "extra": {"nested": [1, 2, {"x": null}]}, "score": 0.5}
            """);

        Assert.True(ok);
        Assert.Equal("a", document.Id);
        Assert.Equal("نص", document.Body);
    }

    [Theory]
    [InlineData("""{"id": "a", "body": "نص"}""", null, "ar")]
    [InlineData("""{"id": "a", "body": "نص", "lang": null}""", null, "ar")]
    [InlineData("""{"id": "a", "body": "نص", "lang": ""}""", null, "ar")]
    [InlineData("""{"id": "a", "body": "The ministry issued a statement on the talks."}""", null, "en")]
    [InlineData("""{"id": "a", "body": "text", "lang": "en"}""", "en", "en")]
    [InlineData("""{"id": "a", "body": "text", "lang": "en-GB"}""", "en", "en")]
    [InlineData("""{"id": "a", "body": "نص", "lang": "AR"}""", "ar", "ar")]
    public void Lang_is_kept_as_a_code_and_found_from_the_text_when_not_given(string json, string? given, string resolved)
    {
        var (ok, document, _) = Parse(json);

        Assert.True(ok);
        Assert.Equal(given, document.Lang);
        Assert.Equal(resolved, document.ResolveLanguage());
    }

    [Fact]
    public void Keeps_line_breaks_of_the_body_as_sent()
    {
        var (ok, document, _) = Parse("""{"id": "a", "body": "السطر الأول\nالسطر الثاني"}""");

        Assert.True(ok);
        Assert.Equal("السطر الأول\nالسطر الثاني", document.Body);
    }

    [Theory]
    [InlineData("""{"id": "abcdef", "body": "نص"}""", "id")]
    [InlineData("""{"id": "a", "body": "نص طويل جدا"}""", "body")]
    [InlineData("""{"id": "a", "body": "نص", "title": "عنوان طويل"}""", "title")]
    public void Enforces_the_size_limits(string json, string field)
    {
        var parser = new DocumentParser(new DocumentLimits(MaxIdLength: 5, MaxTitleChars: 5, MaxBodyChars: 5));

        var (ok, _, error) = Parse(json, parser);

        Assert.False(ok);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Accepts_values_exactly_at_the_limits()
    {
        var parser = new DocumentParser(new DocumentLimits(MaxIdLength: 5, MaxTitleChars: 5, MaxBodyChars: 5));

        var (ok, document, _) = Parse("""{"id": "abcde", "body": "12345", "title": "عنوان"}""", parser);

        Assert.True(ok);
        Assert.Equal("abcde", document.Id);
    }
}
