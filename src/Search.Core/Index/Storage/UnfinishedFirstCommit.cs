using Lucene.Net.Index;

namespace Search.Core.Index.Storage;

/// <summary>
/// A generation whose first commit was cut short: the process died while Lucene wrote <c>segments_1</c>
/// (ours is written out when it is closed, so it is left empty). A later commit cut short is no matter:
/// the one before it is still on disk, and Lucene reads that one. The first has none before it, and Lucene
/// then refuses the folder, leaving the repair to the application (its <c>DirectoryReader.IndexExists</c>
/// says so). Ours is simple: the archive is the record, so a generation with no readable commit is started
/// over empty and filled from the archive again. Seen in CI: a kill during a reindex, as the indexing loop
/// made the first commit of a new data folder, left a folder the service refused to open.
/// </summary>
internal static class UnfinishedFirstCommit
{
    private static readonly string FirstCommit = IndexFileNames.FileNameFromGeneration(IndexFileNames.SEGMENTS, "", 1);

    /// <summary>
    /// Deletes the commit files of a generation whose only commit is a first one that cannot be read; Lucene's
    /// writer then deletes the files no commit names as it opens. Returns whether it did.
    /// </summary>
    public static bool Discard(Lucene.Net.Store.Directory directory)
    {
        var commits = directory.ListAll()
            .Where(name => name.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal))
            .ToList();
        if (!commits.Contains(FirstCommit) || commits.Any(name => name != FirstCommit && name != IndexFileNames.SEGMENTS_GEN))
            return false;
        try
        {
            new SegmentInfos().Read(directory, FirstCommit);
            return false;
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException))
        {
            foreach (var name in commits)
                directory.DeleteFile(name);
            return true;
        }
    }
}
