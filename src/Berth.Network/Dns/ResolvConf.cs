namespace Berth.Network.Dns;

/// <summary>
/// A container's /etc/resolv.conf, as docker builds it. On a network with a DNS server (user-defined networks:
/// aardvark-dns on the gateway) the only nameserver is that server, which answers container names and aliases
/// and forwards the rest to the host's upstreams (or --dns). Elsewhere (the default bridge) the nameservers are
/// --dns, else the host's minus loopback ones (unreachable from the container), else Google's, as docker does.
/// --dns-search and --dns-option replace the host's search and options lines. Pure.
/// </summary>
public static class ResolvConf
{
    public static readonly string[] Fallback = ["8.8.8.8", "8.8.4.4"];

    public sealed record Parsed(List<string> Nameservers, List<string> Search, List<string> Options);

    public static Parsed Parse(string text)
    {
        var parsed = new Parsed([], [], []);
        foreach (string raw in text.Split('\n'))
        {
            string[] f = raw.Split('#', ';')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2) continue;
            switch (f[0])
            {
                case "nameserver": parsed.Nameservers.Add(f[1]); break;
                case "search" or "domain": parsed.Search.Clear(); parsed.Search.AddRange(f.Skip(1)); break;
                case "options": parsed.Options.AddRange(f.Skip(1)); break;
            }
        }
        return parsed;
    }

    /// <param name="host">the host's resolv.conf, parsed</param>
    /// <param name="networkDns">the DNS servers of the container's networks that have one (aardvark on each gateway), or none</param>
    public static string Build(Parsed host, IReadOnlyList<string> networkDns, IReadOnlyList<string> dns, IReadOnlyList<string> dnsSearch, IReadOnlyList<string> dnsOptions)
    {
        List<string> servers = networkDns.Count > 0 ? [.. networkDns]
            : dns.Count > 0 ? [.. dns]
            : host.Nameservers.Where(s => !IsLoopback(s)).ToList() is { Count: > 0 } upstream ? upstream : [.. Fallback];
        var search = dnsSearch.Count > 0 ? dnsSearch.Where(s => s != ".").ToList() : host.Search;
        var options = dnsOptions.Count > 0 ? [.. dnsOptions] : host.Options;
        var text = new System.Text.StringBuilder();
        if (search.Count > 0) text.Append("search ").Append(string.Join(' ', search)).Append('\n');
        foreach (string s in servers) text.Append("nameserver ").Append(s).Append('\n');
        if (options.Count > 0) text.Append("options ").Append(string.Join(' ', options)).Append('\n');
        return text.ToString();
    }

    /// <summary>The host's upstreams aardvark-dns should use for a container's --dns, none when not given (aardvark reads the host's).</summary>
    public static bool IsLoopback(string server) => server.StartsWith("127.", StringComparison.Ordinal) || server == "::1";
}
