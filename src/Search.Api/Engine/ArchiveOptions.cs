namespace Search.Api.Engine;

/// <summary>
/// <c>Search:Archive</c>: where the archive of record is kept. <c>sqlite</c> (the default) keeps it in the
/// data folder for this one service; <c>postgres</c> keeps it in a PostgreSQL database that any number of
/// services share, each following it into the index of its own data folder.
/// </summary>
public sealed class ArchiveOptions
{
    public const string Sqlite = "sqlite", Postgres = "postgres";

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>For <c>postgres</c>: an Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? ConnectionString { get; set; }

    public bool UsesPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with these settings, for the one line a refused start prints; null when they are usable.</summary>
    public string? Problem()
    {
        if (!UsesPostgres && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
            return $"Search:Archive:Provider is '{Provider}': it must be '{Sqlite}' or '{Postgres}'.";
        if (!UsesPostgres)
            return null;
        if (string.IsNullOrWhiteSpace(ConnectionString))
            return "Search:Archive:ConnectionString is needed when Search:Archive:Provider is 'postgres' (Host=…;Database=…;Username=…;Password=…).";
        try
        {
            var parsed = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return string.IsNullOrEmpty(parsed.Host) ? "Search:Archive:ConnectionString names no Host." : null;
        }
        catch (ArgumentException e)
        {
            // The message names the keyword at fault, never the password.
            return $"Search:Archive:ConnectionString cannot be read: {e.Message}";
        }
    }
}
