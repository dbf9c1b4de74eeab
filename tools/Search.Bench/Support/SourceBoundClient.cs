using System.Net;
using System.Net.Sockets;

namespace Search.Bench.Support;

/// <summary>
/// An HTTP client whose connections leave from a given local address, so that one machine can be
/// several clients to the service's per-client limits (any 127.x.y.z is this machine's loopback).
/// </summary>
public static class SourceBoundClient
{
    public static HttpClient Create(Uri baseUrl, string localAddress, int connections)
    {
        var local = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }
}
