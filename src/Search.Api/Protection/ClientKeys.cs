using System.Net;
using System.Net.Sockets;

namespace Search.Api.Protection;

/// <summary>
/// Who a request comes from, for the per-client limits: its address. An IPv4 address mapped into IPv6
/// is the IPv4 one; an IPv6 address counts by its /64 prefix, the network one subscriber is given, so
/// that a client cannot escape its limits by walking through its 2^64 addresses.
/// </summary>
public static class ClientKeys
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
