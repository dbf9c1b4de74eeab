using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;

namespace Search.Api.FirstRun;

/// <summary>The sample of Arabic statements shipped inside the service, written for this project.</summary>
public sealed class SampleStatements(JsonDocumentsReader reader)
{
    private const string ResourceName = "Search.Api.FirstRun.sample-statements.jsonl";

    public IReadOnlyList<DocumentRecord> Read()
    {
        using var stream = typeof(SampleStatements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample resource {ResourceName} is missing from the build.");
        using var text = new StreamReader(stream);
        var batch = reader.ReadJsonLines(text);
        if (!batch.IsValid)
            throw new InvalidOperationException("The shipped sample is invalid: " + string.Join("; ", batch.Errors));
        return batch.Documents;
    }
}
