namespace Search.Core.Following;

/// <summary>A search someone follows: its name, its query, where alerts go (none: its feed only), and how far it has been matched.</summary>
/// <param name="Id">Random, so that its feed's address is not guessed from another's.</param>
/// <param name="MatchedThrough">The archive sequence up to which new documents have been matched against it.</param>
public sealed record SavedSearch(string Id, string Name, SavedQuery Query, Uri? Webhook, DateTimeOffset Created, long MatchedThrough);

/// <summary>A saved search with the state of its alerts, as an administrator looks at it.</summary>
/// <param name="Pending">Alerts not delivered yet (retried until they are).</param>
/// <param name="Delivered">Alerts delivered so far.</param>
/// <param name="LastDelivered">When the last alert was delivered.</param>
/// <param name="LastError">Why the latest failed attempt failed, until an alert is delivered again.</param>
/// <param name="NextAttempt">When the oldest pending alert is tried next.</param>
public sealed record SavedSearchState(SavedSearch Search, long Pending, long Delivered, DateTimeOffset? LastDelivered, string? LastError, DateTimeOffset? NextAttempt);

/// <summary>A new document as an alert tells of it.</summary>
/// <param name="Snippet">Plain text: the best passage of the body for the saved query.</param>
public sealed record AlertDocument(string Id, string Title, string? Date, string Source, string? Url, string Snippet);

/// <summary>One alert waiting in the outbox: its saved search, its documents (the JSON sent), and its attempts so far.</summary>
/// <param name="IdempotencyKey">The same on every attempt, so that a receiver can drop one it already has.</param>
public sealed record PendingAlert(long Id, string SearchId, string SearchName, Uri Webhook, string IdempotencyKey, string Documents, int Attempts, DateTimeOffset Created);

/// <summary>An alert due in the outbox, with its saved search's query and, until it is first sent, the ids of the documents it is to describe.</summary>
internal sealed record DueAlert(PendingAlert Alert, SavedQuery Query, IReadOnlyList<string>? Ids);
