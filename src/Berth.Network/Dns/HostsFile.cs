namespace Berth.Network.Dns;

/// <summary>
/// A container's /etc/hosts, the way docker writes it: the localhost lines, then each --add-host, then the
/// container's own address on each network with its hostname, its name and its aliases there. Pure.
/// </summary>
public static class HostsFile
{
    public const string Base = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

    /// <param name="extraHosts">--add-host values, already parsed (name, address)</param>
    /// <param name="own">the container's address on each network and the names it answers to there; none without a network address</param>
    public static string Build(IEnumerable<(string Name, string Address)> extraHosts, IEnumerable<(string Address, IReadOnlyList<string> Names)> own)
    {
        var text = new System.Text.StringBuilder(Base);
        foreach (var (name, address) in extraHosts) text.Append(address).Append('\t').Append(name).Append('\n');
        foreach (var (address, names) in own.Where(o => o.Names.Count > 0))
        {
            text.Append(address).Append('\t').Append(string.Join(' ', names.Distinct(StringComparer.Ordinal))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>--add-host NAME:IP (or NAME=IP); IP may be "host-gateway" (the network's gateway, given).</summary>
    public static (string Name, string Address) ParseExtraHost(string value, string? hostGateway)
    {
        int sep = value.IndexOfAny([':', '=']);
        if (sep <= 0 || sep == value.Length - 1) throw new FormatException($"invalid argument \"{value}\" for \"--add-host\" flag: use HOST:IP");
        string name = value[..sep], address = value[(sep + 1)..].Trim('[', ']');
        if (address == "host-gateway")
        {
            address = hostGateway ?? throw new FormatException($"--add-host {value}: host-gateway needs a bridge network (this container has no gateway)");
        }
        else if (!System.Net.IPAddress.TryParse(address, out _)) throw new FormatException($"invalid argument \"{value}\" for \"--add-host\" flag: invalid IP address \"{address}\"");
        return (name, address);
    }
}
