using Search.Core.Archive;

namespace Search.Core.Tests.TestSupport;

/// <summary>Documents stored straight into an engine's archive, as the ingest path does once it has validated them.</summary>
internal static class EngineWrites
{
    /// <summary>Stores the documents and wakes the indexing loop; returns the archive sequence to wait for.</summary>
    public static long Accept(this SearchEngine engine, IReadOnlyList<DocumentRecord> documents) => engine.Write(documents).LastSequence;

    /// <inheritdoc cref="Accept"/>
    public static ArchiveWrite Write(this SearchEngine engine, IReadOnlyList<DocumentRecord> documents)
    {
        if (documents.Count == 0)
            return new ArchiveWrite(engine.Archive.LastSequence, []);
        var write = engine.Archive.Write(documents);
        engine.Indexing.Signal();
        return write;
    }
}
