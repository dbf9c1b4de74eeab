namespace Search.Core.Ingest;

/// <summary>What a reader made of an input: the valid documents and the refused ones.</summary>
internal sealed record DocumentBatch(IReadOnlyList<DocumentRecord> Documents, IReadOnlyList<DocumentError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
