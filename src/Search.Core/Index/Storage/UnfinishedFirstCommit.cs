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
    /// <summary>
    /// After <paramref name="failure"/> reading the generation's commits: when its only commit is a first one
    /// (which is then what could not be read), deletes it, and Lucene's writer deletes the files no commit names
    /// as it opens. Returns whether it did. Asked only once reading has failed, so a sound generation opens
    /// without a second look at its commits.
    /// </summary>
    public static bool Discard(Lucene.Net.Store.Directory directory, IOException failure)
    {
        if (failure is FileNotFoundException or DirectoryNotFoundException)
            return false;
        var files = directory.ListAll();
        if (SegmentInfos.GetLastCommitGeneration(files) != 1)
            return false;
        directory.DeleteFile(SegmentInfos.GetLastCommitSegmentsFileName(files));
        if (files.Contains(IndexFileNames.SEGMENTS_GEN))
            directory.DeleteFile(IndexFileNames.SEGMENTS_GEN);
        return true;
    }
}
