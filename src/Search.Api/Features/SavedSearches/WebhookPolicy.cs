using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Search.Api.Features.SavedSearches;

/// <summary>
/// Where webhooks may go. At saving: an absolute http or https address, without credentials, on a host
/// allowed by <see cref="WebhookOptions.AllowedHosts"/> or loopback. At sending: every address the name
/// resolves to is checked again (a name allowed today may resolve to an internal address tomorrow,
/// DNS rebinding): a loopback name must reach loopback, any other name only public addresses, unless
/// the address itself is allowed by name.
/// </summary>
public sealed class WebhookPolicy(IOptions<WebhookOptions> options)
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1", "[::1]"];

    /// <summary>Why the address cannot be a webhook; null when it can.</summary>
    public string? Refusal(string? text, out Uri? webhook)
    {
        webhook = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{text}' is not an absolute http or https address.";
        if (uri.UserInfo.Length > 0)
            return "A webhook address may not carry a user name or password.";
        if (!HostAllowed(uri.Host))
            return $"The host '{uri.Host}' is not one webhooks may reach: loopback only, unless Search:Webhooks:AllowedHosts names it.";
        webhook = uri;
        return null;
    }

    public bool HostAllowed(string host)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (IsLoopbackName(host))
            return true;
        foreach (var allowed in options.Value.AllowedHosts)
        {
            var entry = allowed.Trim().Trim('[', ']').TrimEnd('.');
            if (entry.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase) && host.Length > entry.Length - 1
                : host.Equals(entry, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>Whether a connection to <paramref name="address"/>, which <paramref name="host"/> resolved to, may be made.</summary>
    public bool MayConnect(string host, IPAddress address)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (!HostAllowed(host))
            return false;
        if (IsLoopbackName(host))
            return IPAddress.IsLoopback(address);
        // An address allowed by name is the administrator's decision, whatever network it is in.
        if (options.Value.AllowedHosts.Any(a => IPAddress.TryParse(a.Trim().Trim('[', ']'), out var listed) && listed.Equals(address)))
            return true;
        return IsPublic(address);
    }

    private static bool IsLoopbackName(string host) =>
        LoopbackNames.Contains(host, StringComparer.OrdinalIgnoreCase)
        || IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);

    private static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] == 127 || b[0] >= 224
                || b[0] == 172 && b[1] is >= 16 and <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 169 && b[1] == 254
                || b[0] == 100 && b[1] is >= 64 and <= 127);
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }
}
