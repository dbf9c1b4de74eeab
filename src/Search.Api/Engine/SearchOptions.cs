using System.ComponentModel.DataAnnotations;
using Search.Core;
using Search.Core.Ingest.Pages;

namespace Search.Api.Engine;

/// <summary>The <c>Search</c> section of the configuration, validated at start-up.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Search";

    /// <summary>The data folder: archive, index generations, inbox. Relative paths start at the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataPath { get; set; } = "index-data";

    /// <summary>Load the shipped sample of statements when the archive is empty.</summary>
    public bool LoadSample { get; set; } = true;

    /// <summary>Archive changes the indexing worker applies at a time.</summary>
    [Range(1, 100_000)]
    public int IndexBatchSize { get; set; } = 2_000;

    /// <summary>Largest request body <c>POST /api/documents</c> takes, in bytes.</summary>
    [Range(1_024, 1L << 32)]
    public long MaxRequestBytes { get; set; } = 64L << 20;

    /// <summary>Largest document body accepted, in characters.</summary>
    [Range(1, 100_000_000)]
    public int MaxBodyChars { get; set; } = 1_000_000;

    /// <summary>Largest page (<c>POST /api/pages</c> or the inbox), in bytes: a larger one is refused unread, with its reason.</summary>
    [Range(1_024, 1L << 32)]
    public long MaxPageBytes { get; set; } = PageLimits.Default.MaxBytes;

    /// <summary>Largest inbox file once decompressed, in bytes: a small gzip can expand without bound.</summary>
    [Range(1_024, long.MaxValue)]
    public long MaxInboxFileBytes { get; set; } = 1L << 30;

    /// <summary>
    /// How long a write sent with <c>?wait=true</c> waits for its documents to become searchable; then it
    /// is answered with <c>searchable: false</c> (they are stored all the same).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the inbox folder is looked at for new files.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The key for write and admin endpoints; when empty, one is generated into <c>admin.key</c> in the data folder.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>Rebuild the index at start-up when it was built by another analyzer version (the old one serves meanwhile).</summary>
    public bool ReindexOnAnalyzerChange { get; set; } = true;

    /// <summary>Where the archive of record is kept: SQLite in the data folder, or PostgreSQL shared by several nodes.</summary>
    public ArchiveOptions Archive { get; set; } = new();

    public string FullDataPath => Path.GetFullPath(DataPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Archive.Problem() is { } problem)
            yield return new ValidationResult(problem, [nameof(Archive)]);
    }

    /// <summary>What the engine is opened with.</summary>
    public SearchEngineOptions ToEngineOptions() => SearchEngineOptions.Default with
    {
        BatchSize = IndexBatchSize,
        Limits = SearchEngineOptions.Default.Limits with { MaxBodyChars = MaxBodyChars },
        MaxInboxFileBytes = MaxInboxFileBytes,
        Pages = PageLimits.Default with { MaxBytes = MaxPageBytes },
        PostgresArchive = Archive.UsesPostgres ? Archive.ConnectionString : null,
    };
}
