namespace Search.Api.Features;

public static class BodyReading
{
    /// <summary>
    /// The whole body, or null once it is longer than <paramref name="maxBytes"/>: the host's own
    /// limit may be missing (test server) or already fixed, this one always holds.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
