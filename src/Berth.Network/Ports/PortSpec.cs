using System.Globalization;
using Berth.Network.Ipam;

namespace Berth.Network.Ports;

/// <summary>
/// Parses docker's -p/--publish forms: <c>CPORT</c>, <c>HPORT:CPORT</c>, <c>IP:HPORT:CPORT</c>, <c>IP::CPORT</c>,
/// each with an optional <c>/tcp|/udp|/sctp</c>, ports or equal-length ranges (<c>8000-8001:80-81</c>); a range
/// whose host side is left out gets a free port each. Also the ExposedPorts keys of an image ("80/tcp") for -P.
/// Pure.
/// </summary>
public static class PortSpec
{
    public static List<PortMapping> Parse(string spec)
    {
        string Fail(string why) => throw new FormatException($"invalid -p {spec}: {why} (forms: CPORT, HPORT:CPORT, IP:HPORT:CPORT, IP::CPORT, each with /tcp or /udp)");
        string body = spec, protocol = "tcp";
        int slash = spec.LastIndexOf('/');
        if (slash >= 0) (body, protocol) = (spec[..slash], spec[(slash + 1)..].ToLowerInvariant());
        if (protocol is not ("tcp" or "udp" or "sctp")) Fail($"unknown protocol \"{protocol}\"");
        string[] parts = body.Split(':');
        string hostIp = "", hostPorts = "", containerPorts;
        switch (parts.Length)
        {
            case 1: containerPorts = parts[0]; break;
            case 2: (hostPorts, containerPorts) = (parts[0], parts[1]); break;
            case 3: (hostIp, hostPorts, containerPorts) = (parts[0], parts[1], parts[2]); break;
            default: Fail("too many ':'"); return [];
        }
        if (hostIp.Length > 0 && !Ipv4Subnet.TryParseAddress(hostIp, out _)) Fail($"host address \"{hostIp}\" is not an IPv4 address");
        if (hostIp == "0.0.0.0") hostIp = "";
        var (cStart, cCount) = ParseRange(containerPorts, Fail);
        if (hostPorts.Length == 0) return Enumerable.Range(0, cCount).Select(i => new PortMapping(hostIp, 0, cStart + i, protocol)).ToList();
        var (hStart, hCount) = ParseRange(hostPorts, Fail);
        if (hCount != cCount) Fail("host and container port ranges differ in length");
        return [new PortMapping(hostIp, hStart, cStart, protocol, cCount)];
    }

    /// <summary>An image's ExposedPorts key ("80/tcp", "53/udp", "8080") → a mapping to a free host port.</summary>
    public static PortMapping Exposed(string key)
    {
        string[] kv = key.Split('/');
        string protocol = kv.Length > 1 ? kv[1].ToLowerInvariant() : "tcp";
        if (!int.TryParse(kv[0], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535 || protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new FormatException($"invalid exposed port \"{key}\" in the image config or --expose: use PORT[/tcp|udp]");
        }
        return new PortMapping("", 0, port, protocol);
    }

    private static (int Start, int Count) ParseRange(string text, Func<string, string> fail)
    {
        string[] ends = text.Split('-');
        if (ends.Length > 2) fail($"bad port range \"{text}\"");
        int start = Port(ends[0], fail);
        int end = ends.Length == 2 ? Port(ends[1], fail) : start;
        if (end < start) fail($"port range \"{text}\" ends before it starts");
        return (start, end - start + 1);
    }

    private static int Port(string text, Func<string, string> fail)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535) fail($"\"{text}\" is not a port number (1-65535)");
        return port;
    }
}
