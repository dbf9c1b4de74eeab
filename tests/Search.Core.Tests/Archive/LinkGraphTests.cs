using Search.Core.Archive;
using Search.Core.Languages;

namespace Search.Core.Tests.Archive;

/// <summary>
/// The documents a walk described are kept until a write of theirs commits, and a description read while any write
/// was applied is not kept: it may be what the document was before it. The archive's tests cover the rest through
/// real writes (DocumentArchiveTests); this one puts a write between the read and the keeping, which they cannot.
/// </summary>
public sealed class LinkGraphTests
{
    private static Func<List<string>, Dictionary<string, DocumentVersion>> Reading(string title, List<string> reads, Action? meanwhile = null) =>
        missing =>
        {
            reads.AddRange(missing);
            meanwhile?.Invoke();
            return missing.ToDictionary(id => id, id => new DocumentVersion("en", id, title), StringComparer.Ordinal);
        };

    [Fact]
    public void A_description_is_read_once_and_again_after_a_write_of_its_document()
    {
        var graph = new LinkGraph();
        var reads = new List<string>();

        graph.Describe(["s-en"], Reading("Statement", reads));
        var kept = graph.Describe(["s-en"], Reading("never read", reads));
        Assert.Equal(["s-en"], reads);
        Assert.Equal("Statement", kept["s-en"].Title);

        Written(graph, "s-en");
        Assert.Equal("Statement, corrected", graph.Describe(["s-en"], Reading("Statement, corrected", reads))["s-en"].Title);
        Assert.Equal(["s-en", "s-en"], reads);
    }

    [Fact]
    public void A_description_read_while_a_write_was_applied_is_given_but_not_kept()
    {
        var graph = new LinkGraph();
        var reads = new List<string>();

        var given = graph.Describe(["s-en"], Reading("before the write", reads, meanwhile: () => Written(graph, "s-en")));
        var next = graph.Describe(["s-en"], Reading("after the write", reads));

        Assert.Equal("before the write", given["s-en"].Title);
        Assert.Equal("after the write", next["s-en"].Title);
        Assert.Equal(["s-en", "s-en"], reads);
    }

    private static void Written(LinkGraph graph, string id)
    {
        var changes = new LinkGraph.Changes();
        changes.Written(id, url: null, links: []);
        changes.ApplyTo(graph);
    }
}
