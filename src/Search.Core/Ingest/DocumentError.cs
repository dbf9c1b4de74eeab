namespace Search.Core.Ingest;

/// <summary>Why one document of a request or file was refused.</summary>
/// <param name="Line">1-based line of a JSON Lines input, or 1-based element of a JSON array.</param>
/// <param name="Id">The document's id when it could be read.</param>
/// <param name="Field">The field at fault, or null when the whole line is.</param>
public sealed record DocumentError(int Line, string? Id, string? Field, string Reason)
{
    public override string ToString() =>
        $"line {Line}{(Id is null ? "" : $" (id {Id})")}: {(Field is null ? "" : Field + ": ")}{Reason}";
}
