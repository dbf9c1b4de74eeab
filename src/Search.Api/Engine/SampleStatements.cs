namespace Search.Api.Engine;

/// <summary>The sample of Arabic statements shipped inside the service, written for this project (JSON Lines).</summary>
public sealed class SampleStatements
{
    private const string ResourceName = "Search.Api.Engine.sample-statements.jsonl";

    public byte[] Read()
    {
        using var stream = typeof(SampleStatements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample resource {ResourceName} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
