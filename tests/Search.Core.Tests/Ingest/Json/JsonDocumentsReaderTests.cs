using System.IO.Compression;
using System.Text;
using Search.Core.Ingest.Json;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Ingest.Json;

public sealed class JsonDocumentsReaderTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly JsonDocumentsReader _reader = new();

    public void Dispose() => _folder.Dispose();

    private const string JsonLines = """
        {"id": "1", "body": "السطر الأول", "date": "2021-01-01"}

        {"id": "2", "body": "السطر الثالث"}
        {"id": "3", "body": "لا ينتهي"
           
        {"id": "4"}
        {"id": "5", "body": "السطر السابع", "source": "وكالة"}
        """;

    [Fact]
    public void Reads_json_lines_skipping_blank_lines_and_numbering_lines_as_in_the_file()
    {
        var batch = _reader.ReadJsonLines(new StringReader(JsonLines));

        Assert.False(batch.IsValid);
        Assert.Equal(["1", "2", "5"], batch.Documents.Select(d => d.Id));
        Assert.Collection(batch.Errors,
            malformed =>
            {
                Assert.Equal(4, malformed.Line);
                Assert.Null(malformed.Field);
                Assert.StartsWith("malformed JSON", malformed.Reason);
            },
            missingBody =>
            {
                Assert.Equal(6, missingBody.Line);
                Assert.Equal("4", missingBody.Id);
                Assert.Equal("body", missingBody.Field);
            });
    }

    [Fact]
    public void Enumerates_json_lines_in_order_one_result_a_line()
    {
        var results = _reader.EnumerateJsonLines(new StringReader(JsonLines)).ToList();

        Assert.Equal(5, results.Count);
        Assert.Equal([false, false, true, true, false], results.Select(r => r.Error is not null));
        Assert.All(results, r => Assert.True(r.Document is null ^ r.Error is null));
    }

    [Fact]
    public void Reads_windows_line_endings()
    {
        var batch = _reader.ReadJsonLines(new StringReader("{\"id\":\"1\",\"body\":\"أ\"}\r\n\r\n{\"id\":\"2\"}\r\n"));

        Assert.Equal(["1"], batch.Documents.Select(d => d.Id));
        Assert.Equal(3, Assert.Single(batch.Errors).Line);
    }

    [Fact]
    public void An_empty_input_is_a_valid_empty_batch()
    {
        var batch = _reader.ReadJsonLines(new StringReader("\n  \n"));

        Assert.True(batch.IsValid);
        Assert.Empty(batch.Documents);
    }

    [Fact]
    public void Reads_a_json_array_numbering_errors_by_element()
    {
        var json = """
            [
              {"id": "a", "body": "الأول"},
              {"id": "b", "body": ""},
              {"id": "c", "body": "الثالث", "date": "٢٠٢١-٠٧-٢٧"},
              "not an object"
            ]
            """;

        var batch = _reader.ReadJsonArray(Encoding.UTF8.GetBytes(json));

        Assert.Equal(["a", "c"], batch.Documents.Select(d => d.Id));
        Assert.Equal(new DateOnly(2021, 7, 27), batch.Documents[1].Date);
        Assert.Equal([2, 4], batch.Errors.Select(e => e.Line));
        Assert.Equal("body", batch.Errors[0].Field);
    }

    [Theory]
    [InlineData("""{"id": "a", "body": "نص"}""")]
    [InlineData("\"documents\"")]
    [InlineData("42")]
    public void A_top_level_value_that_is_not_an_array_is_one_error(string json)
    {
        var batch = _reader.ReadJsonArray(Encoding.UTF8.GetBytes(json));

        Assert.Empty(batch.Documents);
        var error = Assert.Single(batch.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("array", error.Reason);
    }

    [Fact]
    public void Malformed_json_array_names_the_line_of_the_fault()
    {
        var batch = _reader.ReadJsonArray(Encoding.UTF8.GetBytes("[\n{\"id\": \"a\", \"body\": \"نص\"},\n{\"id\": \n"));

        Assert.Empty(batch.Documents);
        var error = Assert.Single(batch.Errors);
        Assert.StartsWith("malformed JSON", error.Reason);
        Assert.InRange(error.Line, 3, 4);
    }

    [Fact]
    public void Opens_a_gzip_json_lines_file()
    {
        var path = _folder.File("statements.jsonl.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.WriteLine("""{"id": "g1", "body": "بيان مضغوط أول", "date": "2019-05-01"}""");
            writer.WriteLine();
            writer.WriteLine("""{"id": "g2", "body": "بيان مضغوط ثان", "date": "tomorrow"}""");
            writer.WriteLine("""{"id": "g3", "body": "بيان مضغوط ثالث"}""");
        }

        using var reader = JsonDocumentsReader.OpenFile(path);
        var batch = _reader.ReadJsonLines(reader);

        Assert.Equal(["g1", "g3"], batch.Documents.Select(d => d.Id));
        Assert.Equal("بيان مضغوط أول", batch.Documents[0].Body);
        var error = Assert.Single(batch.Errors);
        Assert.Equal((3, "g2", "date"), (error.Line, error.Id, error.Field));
    }

    [Fact]
    public void Opens_a_plain_json_lines_file_with_a_byte_order_mark()
    {
        var path = _folder.File("statements.jsonl");
        File.WriteAllText(path, "{\"id\": \"p1\", \"body\": \"نص عادي\"}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var reader = JsonDocumentsReader.OpenFile(path);
        var batch = _reader.ReadJsonLines(reader);

        Assert.True(batch.IsValid);
        Assert.Equal("p1", Assert.Single(batch.Documents).Id);
    }
}
