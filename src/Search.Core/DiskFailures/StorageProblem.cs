namespace Search.Core.DiskFailures;

/// <summary>Why the data folder took no more: the two a host answers differently from a failure of its own.</summary>
public enum StorageProblem
{
    /// <summary>No space left (ENOSPC, a quota, SQLite's SQLITE_FULL): 507 Insufficient Storage.</summary>
    Full,

    /// <summary>The folder or its file system has become read-only (EROFS, SQLITE_READONLY): 503.</summary>
    ReadOnly,
}
