namespace Search.Core.Stories;

/// <summary>
/// All that a document's links depend on besides its relations (<see cref="StoryGraph"/>): whether it
/// bridges two stories as a roundup or as a fragment, and the texts closest to it each way. A link
/// between two documents can only change when one of them changed, or when the status of one of them
/// did: what lets the assigner leave alone the stories of documents merely related to a batch.
/// </summary>
internal readonly record struct StoryStatus(bool Roundup, bool Fragment, string? ClosestCarried, string? ClosestCarrier);
