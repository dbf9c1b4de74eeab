using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Analysis;
using Search.Core.Archive;
using Search.Core.Index;
using Search.Core.Index.Reindex;
using Search.Core.Ingest;
using Search.Core.Ingest.Inbox;
using Search.Core.Ingest.Pages;
using Search.Core.Languages;
using Search.Core.Quotes;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Stories;
using Search.Core.Storage;
using Search.Core.Export;
using Search.Core.Following;

namespace Search.Core;

/// <summary>
/// The engine over one data folder, and its only door: it reads (search, get, highlight, stats), writes
/// (ingest documents, pages and inbox files; delete), waits until what was written is searchable,
/// rebuilds the index (start, find, cancel), and runs the indexing loop a host keeps going. Behind it:
/// the archive of record (<c>archive.db</c>, the truth), the index generations (<c>generations/N/</c>)
/// owned by one <see cref="LiveIndex"/>, and the inbox (<c>inbox/</c>). Usable without any web host.
/// </summary>
public sealed class SearchEngine : IDisposable
{
    private readonly DataFolder _folder;
    private readonly IndexGenerations _generations;
    private readonly Analyzer _analyzer;
    private readonly string _analysisVersion;
    private readonly SearchService _search;
    private readonly StoryQueries _stories;
    private readonly Intake _intake;
    private readonly Inbox _inbox;
    private readonly FollowingStore _following;
    private readonly SavedSearchMatcher _matcher;
    private readonly AlertWriter _alerts;
    private volatile bool _disposed;

    private SearchEngine(DataFolder folder, DocumentArchive archive, IndexGenerations generations, long generation,
        SearchEngineOptions options, EngineProfile profile, ILoggerFactory loggers)
    {
        _folder = folder;
        var dataPath = folder.Path;
        DataPath = dataPath;
        Archive = archive;
        _generations = generations;
        _analyzer = profile.CreateAnalyzer();
        _analysisVersion = profile.AnalysisVersion;
        var setup = Setup(_analyzer, profile);
        try
        {
            Live = new LiveIndex(archive, generations, setup, generation, new SearchIndex(generations.PathOf(generation), setup),
                options.BatchSize, loggers.CreateLogger<LiveIndex>());
        }
        catch
        {
            _analyzer.Dispose();
            throw;
        }
        Indexing = new IndexingLoop(Live, options, loggers.CreateLogger<IndexingLoop>());
        Reindexer = new Reindexer(archive, generations, Live, setup, options.BatchSize, loggers.CreateLogger<Reindexer>());
        _search = new SearchService(_analyzer, profile.Ranking);
        _stories = new StoryQueries(_analyzer);
        _intake = new Intake(archive, options, documents => Storing?.Invoke(documents.Select(d => d.Id).ToList()), Indexing.Signal, loggers.CreateLogger<Intake>());
        _inbox = new Inbox(dataPath, _intake, loggers.CreateLogger<Inbox>());
        _following = new FollowingStore(archive.Database);
        // Another node's write wakes this node's indexing loop as its own writes do.
        archive.Database.ChangedElsewhere += Indexing.Signal;
        _matcher = new SavedSearchMatcher(archive, _following, (requests, ids, found, unreadable) =>
        {
            using var lease = Acquire();
            _search.MatchEach(lease.Index, requests, ids, found, unreadable);
        }, loggers.CreateLogger<SavedSearchMatcher>());
        _alerts = new AlertWriter(archive, _following, wanted =>
        {
            using var lease = Acquire();
            return _search.Describe(lease.Index, wanted);
        });
    }

    /// <summary>
    /// Raised with their ids before documents from any door (documents, pages, the inbox) are written to the
    /// archive, on the writer's thread; what a handler changes is stored before them. A handler that throws
    /// fails the write (nothing of it is stored).
    /// </summary>
    public event Action<IReadOnlyList<string>>? Storing;

    /// <summary>The data folder (full path).</summary>
    public string DataPath { get; }

    /// <summary>The inbox folder files are dropped into.</summary>
    public string InboxPath => _inbox.Folder;

    internal DocumentArchive Archive { get; }

    internal IndexGenerations Generations => _generations;

    /// <summary>The live generation's index, for inspection in tests; searches lease it (<see cref="LiveIndex.Acquire"/>).</summary>
    internal SearchIndex Index
    {
        get
        {
            using var lease = Live.Acquire();
            return lease.Index;
        }
    }

    internal LiveIndex Live { get; }

    internal IndexingLoop Indexing { get; }

    internal Reindexer Reindexer { get; }

    /// <summary>
    /// Opens the data folder, taking its lock (one engine per folder, whatever process), and removing
    /// generation folders a crash left half-built.
    /// </summary>
    /// <exception cref="DataFolderException">
    /// Another process holds the folder, or it (its archive, its index) cannot be created, read or written; the message says which.
    /// </exception>
    public static SearchEngine Open(string dataPath, SearchEngineOptions? options = null, ILoggerFactory? loggers = null) =>
        Open(dataPath, EngineProfile.Product, options, loggers);

    /// <summary>The engine analysing and ranking as <paramref name="profile"/> says (the relevance harness's variants); otherwise as <see cref="Open(string, SearchEngineOptions?, ILoggerFactory?)"/>.</summary>
    internal static SearchEngine Open(string dataPath, EngineProfile profile, SearchEngineOptions? options = null, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var folder = DataFolder.Open(dataPath);
        var root = folder.Path;
        DocumentArchive? archive = null;
        try
        {
            var engineOptions = options ?? SearchEngineOptions.Default;
            archive = OpenPart("archive", () => new DocumentArchive(engineOptions.PostgresArchive is { } postgres
                ? new PostgresArchiveDatabase(postgres, loggers.CreateLogger<PostgresArchiveDatabase>())
                : new SqliteArchiveDatabase(Path.Combine(root, "archive.db"))));
            var generations = new IndexGenerations(root);
            var (generation, stale) = OpenPart("index generations", () =>
            {
                var current = generations.Current();
                return (current, generations.DeleteAllBut(current));
            });
            if (stale.Count > 0)
                loggers.CreateLogger<SearchEngine>().LogWarning("Removed index generations {Generations} left by an unfinished reindex", stale);
            var live = archive;
            return OpenPart($"index generation {generation}", () => new SearchEngine(folder, live, generations, generation, engineOptions, profile, loggers));
        }
        catch
        {
            archive?.Dispose();
            folder.Dispose();
            throw;
        }

        // Names the part of the folder that cannot be opened, for the one line a host logs before it exits.
        T OpenPart<T>(string part, Func<T> open)
        {
            try
            {
                return open();
            }
            catch (Npgsql.NpgsqlException e)
            {
                throw new DataFolderException($"The archive's database (PostgreSQL) cannot be used: {e.Message}", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException
                or Lucene.Net.Store.LockObtainFailedException && e is not DataFolderException)
            {
                throw new DataFolderException($"The data folder {root} cannot be used: its {part} cannot be opened: {e.Message}", e);
            }
        }
    }

    // ---- Reading -------------------------------------------------------------------------------

    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SearchResult Search(SearchRequest request)
    {
        SearchResult result;
        using (var lease = Acquire())
            result = _search.Search(lease.Index, request);
        // Versions are resolved in the archive, where links are kept both ways, and only once any document has one.
        try
        {
            if (result.Hits.Count == 0 || !Archive.HasVersionLinks)
                return result;
            var versions = Archive.VersionsOfEach(result.Hits.Select(hit => hit.Id).ToList());
            return versions.Count > 0
                ? result with { Hits = result.Hits.Select(hit => versions.TryGetValue(hit.Id, out var found) ? hit with { Versions = found } : hit).ToList() }
                : result;
        }
        catch (Exception e) when (StorageFailures.Classify(e) == StorageProblem.Unreachable)
        {
            // The archive's database is out of reach: the index still answers, without the versions.
            return result;
        }
    }

    /// <summary>The stored document with the language it is searched in, or null when the archive holds none under that id.</summary>
    public DocumentRecord? Get(string id) => Archive.Get(id) is { } document ? document with { Lang = document.ResolveLanguage() } : null;

    /// <summary>
    /// Documents related to <paramref name="id"/>: the other copies of its story first (closest first), then
    /// documents on the same subject; never the document itself. Null when the index holds no such document.
    /// </summary>
    public IReadOnlyList<RelatedHit>? Related(string id, int size)
    {
        using var lease = Acquire();
        using var searcher = lease.Index.AcquireSearcher();
        return RelatedDocuments.DocNumber(searcher.Searcher.IndexReader, id) is null ? null : _stories.Related(searcher.Searcher, id, size);
    }

    /// <summary>A story by its id (16 hex digits, as hits give it): its copies in order of publication; null when there is none.</summary>
    public StoryDetails? Story(string id)
    {
        if (!StoryKey.TryParse(id.Trim().ToLowerInvariant(), out var key))
            return null;
        using var lease = Acquire();
        using var searcher = lease.Index.AcquireSearcher();
        return _stories.Story(searcher.Searcher, key);
    }

    /// <summary>
    /// The story id of every document searches see (as hits give it), by document id: what a reindex, another node
    /// or another order of arrival must give again (<c>Search.Eval stories stable</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> StoryIds()
    {
        using var lease = Acquire();
        using var searcher = lease.Index.AcquireSearcher();
        return LuceneStoryLookup.All(searcher.Searcher.IndexReader).ToDictionary(e => e.Id, e => StoryKey.Format(e.Key), StringComparer.Ordinal);
    }

    /// <summary>
    /// The speakers quoted in the documents matching <paramref name="query"/> (all when empty) between
    /// <paramref name="from"/> and <paramref name="to"/>, the most quoted first, with their quotations and documents.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SpeakerListing Speakers(string? query, DateOnly? from, DateOnly? to, int size)
    {
        using var lease = Acquire();
        return _search.Speakers(lease.Index, new SearchRequest(query, from, to), size);
    }

    /// <summary>The quotations the index holds for a document, as found when it was indexed; empty when it has none or is not indexed.</summary>
    public IReadOnlyList<Quotation> QuotesOf(string id)
    {
        using var lease = Acquire();
        using var searcher = lease.Index.AcquireSearcher();
        return RelatedDocuments.DocNumber(searcher.Searcher.IndexReader, id) is { } doc ? QuoteFields.Read(LuceneDocumentMapper.Read(searcher.Searcher.IndexReader, doc, QuoteFields.StoredFields)) : [];
    }

    /// <summary>The document's versions in other languages (linked either way, in any order of arrival); empty when it has none.</summary>
    public IReadOnlyList<DocumentVersion> VersionsOf(string id) => Archive.Versions(id);

    /// <summary>
    /// The stored document with the matches of <paramref name="query"/> marked in its HTML-escaped title
    /// and whole body (as in snippets, line breaks kept); null when there is no such document.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The query cannot be read.</exception>
    public HighlightedDocument? Highlight(string id, string? query)
    {
        if (Get(id) is not { } document)
            return null;
        var marked = _search.MarkAll(query, document.Lang, [document.Title, document.Body]);
        return new HighlightedDocument(document, marked[0], marked[1]);
    }

    /// <summary>Whether the indexing loop works, or since when and why it fails: what a readiness check reports.</summary>
    public IndexingHealth IndexingHealth => Indexing.Health;

    public EngineStats Stats()
    {
        using var lease = Acquire();
        var index = lease.Index;
        return new EngineStats(
            Archive.Count(),
            Archive.LastSequence,
            Live.VisibleSequence,
            index.DocumentCount(),
            lease.Generation,
            _analysisVersion,
            index.BuiltWithAnalyzer,
            index.SizeInBytes(),
            index.LastCommit,
            Live.Pending);
    }

    // ---- Following and exporting ---------------------------------------------------------------

    /// <summary>
    /// What a feed of the search shows: its documents newest first (undated ones last, as the search
    /// orders them), at most <see cref="SearchRequest.Size"/>, each with its address and when it was stored.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public IReadOnlyList<FeedEntry> Feed(SearchRequest request)
    {
        var result = SearchIndexOnly(request with { Sort = SortOrder.Newest, Page = 1, After = null, Snippets = true });
        var stored = Archive.GetMany(result.Hits.Select(h => h.Id).ToList());
        return result.Hits.Select(hit => stored.TryGetValue(hit.Id, out var held)
                ? new FeedEntry(hit.Id, hit.Title, hit.Date, held.Stored, hit.Source, held.Document.Url, PlainText.OfSnippet(hit.Snippet))
                : null)
            .OfType<FeedEntry>()
            .ToList();
    }

    /// <summary>
    /// Every document the search matches (every copy of a story), in relevance or date order, read
    /// page by page as the caller enumerates: the whole archive can be exported in bounded memory.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The text cannot be read (thrown by the first page, before any row).</exception>
    public IEnumerable<ExportRow> Export(SearchRequest request, ExportOrder order, CancellationToken cancellationToken = default)
    {
        // Read the query once before the walk starts, so a bad one fails the call, not a stream half written.
        UserQueryParser.Parse(request.Text);
        return ExportWalk.Rows(Archive, SearchIndexOnly, request, order, cancellationToken);
    }

    /// <summary>
    /// Saves a search to follow: from now on every document indexed that it matches is an alert
    /// (sent to <paramref name="webhook"/> when there is one) and its feed lists what it finds.
    /// </summary>
    /// <exception cref="QuerySyntaxException">The text cannot be read.</exception>
    public SavedSearch SaveSearch(string name, SavedQuery query, Uri? webhook)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        UserQueryParser.Parse(query.Text);
        // Only what is stored from now on is news to it.
        return _following.Add(name, query, webhook, Archive.LastSequence);
    }

    public IReadOnlyList<SavedSearchState> SavedSearches() => _following.List().Select(_following.State).ToList();

    /// <summary>A saved search with its alerts' state; null when there is none under that id.</summary>
    public SavedSearchState? FindSavedSearch(string id) => _following.Find(id) is { } search ? _following.State(search) : null;

    /// <summary>Alerts of every saved search not delivered yet (one count, for a monitor).</summary>
    public long PendingAlerts() => _following.PendingCount();

    /// <summary>Removes a saved search and its undelivered alerts; false when there is none.</summary>
    public bool DeleteSavedSearch(string id) => _following.Remove(id);

    /// <summary>
    /// Matches the saved searches against the documents that became searchable since they last were, and
    /// puts the alerts into the outbox; returns how many documents were looked at (0 when none were new).
    /// </summary>
    public int MatchSavedSearches(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _matcher.Round(Live.VisibleSequence, cancellationToken);
    }

    /// <summary>Whether the archive holds changes the index has not applied yet (an ingest is under way).</summary>
    public bool IndexingBehind => Archive.LastSequence > Live.VisibleSequence;

    /// <summary>The archive's last sequence: it moves whenever a document is stored or deleted.</summary>
    public long StoredThrough => Archive.LastSequence;

    /// <summary>
    /// Whether this node is the one to match saved searches and send their alerts: always with an archive of
    /// its own; with a shared one, one node at a time, another taking over when it stops.
    /// </summary>
    public bool LeadsFollowing => Archive.Database.HoldsLead();

    /// <summary>Alerts whose time to be sent has come, oldest first; those never sent are written now, from the index as it is.</summary>
    public IReadOnlyList<PendingAlert> DueAlerts(DateTimeOffset now, int limit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _alerts.Ready(_following.Due(now, limit));
    }

    /// <summary>The receiver acknowledged the alert: it is not sent again.</summary>
    public void AlertDelivered(long alert) => _following.Delivered(alert);

    /// <summary>The alert could not be delivered: it is tried again at <paramref name="nextAttempt"/>.</summary>
    public void AlertFailed(long alert, string error, DateTimeOffset nextAttempt) => _following.Failed(alert, error, nextAttempt);

    // ---- Writing -------------------------------------------------------------------------------

    /// <summary>Documents as UTF-8 JSON (an array or JSON Lines), stored whole or not at all.</summary>
    /// <exception cref="StorageException">The data folder is full or read-only: nothing was stored.</exception>
    public IngestReport IngestDocuments(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return _intake.Documents(utf8);
        }
        catch (Exception e) when (StorageFailures.Classify(e) is { } problem)
        {
            throw new StorageException(problem, e);
        }
    }

    /// <summary>Pages (text or HTML, in any encoding Arabic sites use), each stored or refused on its own.</summary>
    /// <exception cref="StorageException">The data folder is full or read-only: nothing was stored.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled: nothing was stored.</exception>
    public IngestReport IngestPages(IReadOnlyList<PageFile> pages, CancellationToken cancellationToken = default)
    {
        try
        {
            return _intake.Pages(pages, cancellationToken);
        }
        catch (Exception e) when (StorageFailures.Classify(e) is { } problem)
        {
            throw new StorageException(problem, e);
        }
    }

    /// <summary>Takes every settled file waiting in the inbox (see <see cref="InboxPath"/>), until cancelled.</summary>
    public void ProcessInbox(CancellationToken cancellationToken) => _inbox.ProcessWaiting(cancellationToken);

    /// <summary>Deletes a document from the archive (and so from the index); false when there is none.</summary>
    /// <exception cref="StorageException">The data folder is full or read-only: nothing was deleted.</exception>
    public bool Delete(string id)
    {
        try
        {
            if (!Archive.Delete(id))
                return false;
        }
        catch (Exception e) when (StorageFailures.Classify(e) is { } problem)
        {
            throw new StorageException(problem, e);
        }
        Indexing.Signal();
        return true;
    }

    /// <summary>
    /// Waits until the changes up to <paramref name="sequence"/> (an ingest report's) are searchable, or
    /// for at most <paramref name="timeout"/>; true when they are.
    /// </summary>
    public async Task<bool> WaitUntilSearchableAsync(long sequence, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await Live.WaitUntilVisibleAsync(sequence, limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // ---- Indexing and rebuilding ---------------------------------------------------------------

    /// <summary>
    /// The indexing loop, for a host to run for as long as it runs: carries what the archive accepted
    /// into the index, first catching up from the index's committed checkpoint (how a crash between an
    /// acknowledgement and an index commit is repaired). Returns when cancelled, after a last commit.
    /// </summary>
    public Task RunIndexingAsync(CancellationToken cancellationToken) => Indexing.RunAsync(cancellationToken);

    /// <summary>Applies every pending archive change to the index now, for a program that runs no indexing loop (a tool, a test); returns how many.</summary>
    public int CatchUp() => Indexing.CatchUp();

    /// <summary>Starts rebuilding the index from the archive; when one is already running, that one, not started.</summary>
    public (bool Started, ReindexStatus Job) StartReindex(string reason)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var started = Reindexer.TryStart(reason, out var job);
        return (started, job.Status());
    }

    /// <summary>A rebuild by its id (the last twenty are kept).</summary>
    public ReindexStatus? FindReindex(string id) => Reindexer.Find(id)?.Status();

    /// <summary>The rebuild running now, if any.</summary>
    public ReindexStatus? RunningReindex => Reindexer.Running?.Status();

    /// <summary>Asks a rebuild to stop (the current generation keeps serving); null when there is no such rebuild.</summary>
    public ReindexStatus? CancelReindex(string id)
    {
        if (Reindexer.Find(id) is not { } job)
            return null;
        job.Cancel();
        return job.Status();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            Reindexer.CancelAndWait();
            Live.Dispose();
            Archive.Dispose();
            _analyzer.Dispose();
        }
        finally
        {
            // A part that fails to close must not keep the folder locked for the rest of the process.
            _folder.Dispose();
        }
    }

    /// <summary>What the product's engine opens every generation with: <paramref name="analyzer"/>, and our scoring and warm-up.</summary>
    internal static IndexSetup Setup(Analyzer analyzer) => Setup(analyzer, EngineProfile.Product);

    /// <summary>What the engine opens every generation with: its profile's analysis and scoring, and our warm-up.</summary>
    private static IndexSetup Setup(Analyzer analyzer, EngineProfile profile)
    {
        var similarity = SearchSimilarity.Create(profile.Ranking, profile.ArabicTermsPerWord);
        return new IndexSetup(analyzer, profile.AnalysisVersion, similarity, () => new WarmingSearcherFactory(similarity));
    }

    /// <summary>A search of the live generation, without the archive's version links (what feeds, exports and alerts need).</summary>
    private SearchResult SearchIndexOnly(SearchRequest request)
    {
        using var lease = Acquire();
        return _search.Search(lease.Index, request);
    }

    private IndexLease Acquire()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Live.Acquire();
    }

    /// <summary>
    /// Writes a consistent copy of the SQLite archive (documents and saved searches, as of one commit) to
    /// <paramref name="destinationPath"/>, a file that must not exist yet, while writes go on. False, and
    /// nothing written, when the archive is in PostgreSQL, whose own tools (<c>pg_dump</c>) back it up.
    /// </summary>
    /// <exception cref="StorageException">The disk is full or read-only: no copy was made.</exception>
    public bool BackupArchive(string destinationPath)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return Archive.Database.BackupTo(destinationPath);
        }
        catch (Exception e) when (StorageFailures.Classify(e) is { } problem)
        {
            File.Delete(destinationPath);
            throw new StorageException(problem, e);
        }
    }

    /// <summary>
    /// How long the oldest document the index has not applied yet has waited since it was stored (by the
    /// clock of the node that stored it); zero when the index is caught up.
    /// </summary>
    public TimeSpan OldestPendingAge()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // One read: nothing stored after what the index applied is no wait at all.
        return Archive.OldestStoredAfter(Live.VisibleSequence) is { } stored && DateTimeOffset.UtcNow - stored is { Ticks: > 0 } waited
            ? waited
            : TimeSpan.Zero;
    }
}
