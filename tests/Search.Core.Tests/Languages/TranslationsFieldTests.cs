using System.Text.Json;
using Search.Core.Languages;

namespace Search.Core.Tests.Languages;

public class TranslationsFieldTests
{
    private static IReadOnlyList<VersionLink> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(TranslationsField.TryRead(document.RootElement.GetProperty("translations"), out var versions, out var problem), problem);
        return versions;
    }

    private static string Refuse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(TranslationsField.TryRead(document.RootElement.GetProperty("translations"), out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
        return problem;
    }

    [Fact]
    public void Reads_ids_and_addresses_as_an_array()
    {
        var versions = Read("""{"translations": ["s-12-en", " https://example.org/ru/news/12 ", "s-12-en"]}""");

        Assert.Equal([new VersionLink(null, "s-12-en"), new VersionLink(null, "https://example.org/ru/news/12")], versions);
        Assert.Equal([false, true], versions.Select(v => v.IsAddress));
    }

    [Fact]
    public void Reads_objects_with_a_language_and_an_id_or_url()
    {
        var versions = Read("""{"translations": [{"lang": "en-GB", "id": "s-12-en"}, {"lang": "RU", "url": "https://example.org/ru/12"}, {"id": "s-12-fr"}]}""");

        Assert.Equal([new VersionLink("en", "s-12-en"), new VersionLink("ru", "https://example.org/ru/12"), new VersionLink(null, "s-12-fr")], versions);
    }

    [Fact]
    public void Reads_an_object_from_language_to_version()
    {
        var versions = Read("""{"translations": {"en": "s-12-en", "fr": "https://example.org/fr/12"}}""");

        Assert.Equal([new VersionLink("en", "s-12-en"), new VersionLink("fr", "https://example.org/fr/12")], versions);
    }

    [Fact]
    public void Reads_one_string_and_nothing()
    {
        Assert.Equal([new VersionLink(null, "s-12-en")], Read("""{"translations": "s-12-en"}"""));
        Assert.Empty(Read("""{"translations": null}"""));
        Assert.Empty(Read("""{"translations": []}"""));
        Assert.True(TranslationsField.TryRead(null, out var none, out _));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("""{"translations": 12}""", "must be an array")]
    [InlineData("""{"translations": [12]}""", "[0] must be a non-empty id or address, found number")]
    [InlineData("""{"translations": ["s-1", ""]}""", "[1] must be a non-empty id or address, found an empty string")]
    [InlineData("""{"translations": [{"lang": "en"}]}""", "[0] must have an id or a url")]
    [InlineData("""{"translations": [{"lang": 5, "id": "x"}]}""", "[0].lang must be a language code")]
    [InlineData("""{"translations": {"klingon tongue": "x"}}""", "names no language")]
    [InlineData("""{"translations": ["\ud800"]}""", "unpaired surrogate")]
    public void Refuses_what_is_not_a_list_of_versions_and_says_why(string json, string reason) =>
        Assert.Contains(reason, Refuse(json));

    [Fact]
    public void Refuses_more_versions_than_a_statement_has()
    {
        var ids = string.Join(',', Enumerable.Range(0, TranslationsField.MaxVersions + 1).Select(i => $"\"s-{i}\""));

        Assert.Contains("more than", Refuse($$"""{"translations": [{{ids}}]}"""));
    }
}
