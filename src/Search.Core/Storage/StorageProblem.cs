namespace Search.Core.Storage;

/// <summary>Why the archive took no more: the storage failures a host answers differently from a failure of its own.</summary>
public enum StorageProblem
{
    /// <summary>No space left (ENOSPC, a quota, SQLite's SQLITE_FULL): 507 Insufficient Storage.</summary>
    Full,

    /// <summary>The folder or its file system has become read-only (EROFS, SQLITE_READONLY): 503.</summary>
    ReadOnly,

    /// <summary>The archive's database (PostgreSQL) cannot be reached, or refuses connections for now: 503.</summary>
    Unreachable,
}
