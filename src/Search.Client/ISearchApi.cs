using Refit;
using Search.Client.Contracts;

namespace Search.Client;

/// <summary>The whole HTTP API of the search service as a typed Refit client.</summary>
public interface ISearchApi
{
    [Get("/api/search")]
    Task<SearchResponse> SearchAsync([Query] SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every match of a search as CSV or JSON Lines, streamed: the response comes back as soon as its headers
    /// do, for the caller to read (and dispose); a refused export is thrown as an <see cref="ApiException"/>.
    /// </summary>
    [Get("/api/search/export")]
    [Headers("Accept: text/csv, application/x-ndjson, application/problem+json")]
    Task<HttpResponseMessage> ExportAsync([Query] ExportQuery query, CancellationToken cancellationToken = default);

    [Post("/api/saved-searches")]
    Task<SavedSearchInfo> CreateSavedSearchAsync([Body] SavedSearchCreate savedSearch, CancellationToken cancellationToken = default);

    [Get("/api/saved-searches")]
    Task<List<SavedSearchInfo>> ListSavedSearchesAsync(CancellationToken cancellationToken = default);

    [Get("/api/saved-searches/{id}")]
    Task<SavedSearchInfo> GetSavedSearchAsync(string id, CancellationToken cancellationToken = default);

    [Delete("/api/saved-searches/{id}")]
    Task DeleteSavedSearchAsync(string id, CancellationToken cancellationToken = default);

    [Get("/api/documents/{id}")]
    Task<ArchiveDocument> GetDocumentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The document with the matches of <paramref name="q"/> marked in its title and whole body.</summary>
    [Get("/api/documents/{id}/highlighted")]
    Task<HighlightedDocument> GetHighlightedDocumentAsync(string id, string? q, CancellationToken cancellationToken = default);

    /// <summary>The other copies of the document's story, then documents on the same subject.</summary>
    [Get("/api/documents/{id}/related")]
    Task<RelatedResponse> GetRelatedAsync(string id, int? size = null, CancellationToken cancellationToken = default);

    /// <summary>A story's carriers in order of publication.</summary>
    [Get("/api/stories/{id}")]
    Task<StoryResponse> GetStoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The speakers quoted in the documents matching <paramref name="q"/> between <paramref name="from"/> and <paramref name="to"/>, with their quotations and documents.</summary>
    [Get("/api/speakers")]
    Task<SpeakersResponse> GetSpeakersAsync(string? q = null, string? from = null, string? to = null, int? size = null, CancellationToken cancellationToken = default);

    /// <summary>Sends documents as NDJSON (one JSON document a line); see <see cref="NdjsonContent"/>.</summary>
    [Post("/api/documents")]
    Task<IngestResponse> PostDocumentsAsync([Body] HttpContent ndjson, CancellationToken cancellationToken = default);

    /// <summary>Sends pages (text or HTML, any encoding) as multipart files; see <see cref="PagesContent"/>.</summary>
    [Post("/api/pages")]
    Task<IngestReport> PostPagesAsync([Body] HttpContent pages, CancellationToken cancellationToken = default);

    [Delete("/api/documents/{id}")]
    Task DeleteDocumentAsync(string id, CancellationToken cancellationToken = default);

    [Post("/api/admin/reindex")]
    Task<ReindexStarted> StartReindexAsync(CancellationToken cancellationToken = default);

    [Get("/api/admin/reindex/{jobId}")]
    Task<ReindexStatus> GetReindexAsync(string jobId, CancellationToken cancellationToken = default);

    [Delete("/api/admin/reindex/{jobId}")]
    Task<ReindexStatus> CancelReindexAsync(string jobId, CancellationToken cancellationToken = default);

    [Get("/api/admin/stats")]
    Task<AdminStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A consistent copy of the SQLite archive, streamed as <c>application/vnd.sqlite3</c>: the response comes back
    /// with its headers, for the caller to read (and dispose) and to check for success.
    /// </summary>
    [Post("/api/admin/backup")]
    [Headers("Accept: application/vnd.sqlite3, application/problem+json")]
    Task<HttpResponseMessage> BackupAsync(CancellationToken cancellationToken = default);

    [Delete("/api/admin/sample")]
    Task<SampleRemoved> RemoveSampleAsync(CancellationToken cancellationToken = default);

    [Get("/api/status")]
    Task<StatusResponse> GetStatusAsync(CancellationToken cancellationToken = default);

    [Get("/health/ready")]
    Task<IApiResponse> GetReadyAsync(CancellationToken cancellationToken = default);
}
