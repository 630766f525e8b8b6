using System.Net;

namespace Berth.Images.Distribution;

/// <summary>
/// Where a registry host's API lives. HTTPS always, except that loopback registries (localhost, 127.0.0.0/8,
/// ::1) and those named insecure may fall back to plain HTTP when the TLS handshake fails, the way dockerd
/// treats "insecure-registries".
/// </summary>
public static class RegistryEndpoint
{
    public static bool AllowsPlainHttp(string host, IReadOnlyCollection<string> insecure)
    {
        if (insecure.Contains(host, StringComparer.OrdinalIgnoreCase)) return true;
        string name = HostWithoutPort(host);
        if (insecure.Contains(name, StringComparer.OrdinalIgnoreCase)) return true;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(name.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public static string HostWithoutPort(string host)
    {
        if (host.StartsWith('['))
        {
            int end = host.IndexOf(']');
            return end > 0 ? host[..(end + 1)] : host;
        }
        int colon = host.LastIndexOf(':');
        return colon >= 0 ? host[..colon] : host;
    }

    public static Uri BaseUri(string host, bool plainHttp) => new($"{(plainHttp ? "http" : "https")}://{host}/");
}
