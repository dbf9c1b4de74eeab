using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Search.Api.RequestLines;

/// <summary>
/// Lets Kestrel take request targets written in raw UTF-8 (an Arabic query pasted into curl):
/// every connection's bytes go through a <see cref="RequestTargetEscaper"/> before Kestrel parses them.
/// </summary>
internal static class Utf8RequestTargets
{
    /// <summary>Adds the escaping to the endpoint's connections (before TLS, whose bytes it leaves alone).</summary>
    public static void AcceptUtf8RequestTargets(this ListenOptions listen) =>
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var escaped = new Pipe();
            var pump = PumpAsync(transport.Input, escaped.Writer);
            connection.Transport = new DuplexPipe(escaped.Reader, transport.Output);
            try
            {
                await next(connection);
            }
            finally
            {
                // Kestrel is done with the connection: stop waiting for the client's next bytes.
                await escaped.Reader.CompleteAsync();
                transport.Input.CancelPendingRead();
                await pump;
                connection.Transport = transport;
            }
        });

    private static async Task PumpAsync(PipeReader input, PipeWriter output)
    {
        var escaper = new RequestTargetEscaper();
        try
        {
            while (true)
            {
                var read = await input.ReadAsync();
                if (read.IsCanceled)
                    break;
                escaper.Process(read.Buffer, output);
                input.AdvanceTo(read.Buffer.End);
                var flushed = await output.FlushAsync();
                if (read.IsCompleted || flushed.IsCompleted || flushed.IsCanceled)
                    break;
            }
            await output.CompleteAsync();
        }
        catch (Exception e)
        {
            // A reset connection: Kestrel sees the same error on its side of the pipe.
            await output.CompleteAsync(e);
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
