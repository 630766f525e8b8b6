using System.Security.Cryptography;
using System.Text;

namespace Berth.Network.Netavark;

/// <summary>
/// netavark removes a network's own chains and rules with its last container but never its base chains
/// (NETAVARK_FORWARD, NETAVARK-HOSTPORT-DNAT/-SETMARK/-MASQ, ...) nor the jumps to them from FORWARD,
/// PREROUTING, OUTPUT and POSTROUTING. When no netavark network of anyone (berth root or podman) is set up —
/// no per-network chain (NETAVARK-&lt;hash&gt;, NETAVARK-DN-&lt;hash&gt;) and no rule left in NETAVARK_FORWARD — those are
/// idle, and <see cref="IdleCleanup"/> writes the iptables-restore --noflush script that removes them: the jumps
/// deleted, then every NETAVARK chain flushed and deleted. Pure: the caller runs iptables-save and -restore.
/// </summary>
public static class NetavarkChains
{
    private static readonly string[] BaseChains =
    [
        "NETAVARK_FORWARD", "NETAVARK_INPUT", "NETAVARK-HOSTPORT-DNAT", "NETAVARK-HOSTPORT-SETMARK", "NETAVARK-HOSTPORT-MASQ",
        "NETAVARK_ISOLATION_1", "NETAVARK_ISOLATION_2", "NETAVARK_ISOLATION_3",
    ];

    /// <summary>The script removing netavark's idle base chains, or null when there are none or a network still uses them.</summary>
    public static string? IdleCleanup(string iptablesSave)
    {
        var script = new System.Text.StringBuilder();
        var chains = new List<string>();
        var jumps = new List<string>();
        string? table = null;
        bool any = false;
        foreach (string raw in iptablesSave.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith('*'))
            {
                (table, chains, jumps) = (line, [], []);
            }
            else if (line.StartsWith(":NETAVARK", StringComparison.Ordinal))
            {
                string chain = line[1..].Split(' ')[0];
                if (!BaseChains.Contains(chain)) return null; // a network's own chain: in use
                chains.Add(chain);
            }
            else if (line.StartsWith("-A ", StringComparison.Ordinal))
            {
                string chain = line.Split(' ')[1];
                if (chain == "NETAVARK_FORWARD") return null; // a network's forward rules: in use
                if (!chain.StartsWith("NETAVARK", StringComparison.Ordinal) && line.Contains(" -j NETAVARK", StringComparison.Ordinal)) jumps.Add("-D" + line[2..]);
            }
            else if (line == "COMMIT" && table is not null && chains.Count + jumps.Count > 0)
            {
                script.Append(table).Append('\n');
                jumps.ForEach(j => script.Append(j).Append('\n'));
                chains.ForEach(c => script.Append("-F ").Append(c).Append('\n'));
                chains.ForEach(c => script.Append("-X ").Append(c).Append('\n'));
                script.Append("COMMIT\n");
                any = true;
            }
        }
        return any ? script.ToString() : null;
    }

    /// <summary>
    /// A network's port chain in the nat table, as netavark 1.4 names it: NETAVARK-DN- and the first 13 hex
    /// digits (upper case) of the SHA-512 of the network's name.
    /// </summary>
    public static string PortChain(string networkName) =>
        "NETAVARK-DN-" + Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(networkName)))[..13];

    /// <summary>
    /// The script deleting a nat chain that no rule jumps to any more, or null when there is no such chain or it is
    /// still used. netavark 1.4 deletes a network's port chain only in a teardown that is both its last one and
    /// for a container with published ports; otherwise the empty chain stays after the network is gone.
    /// </summary>
    public static string? UnusedNatChainCleanup(string iptablesSave, string chain)
    {
        bool inNat = false, exists = false, hasRules = false;
        foreach (string raw in iptablesSave.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith('*')) inNat = line == "*nat";
            if (!inNat) continue;
            if (line.StartsWith($":{chain} ", StringComparison.Ordinal)) exists = true;
            else if (line.StartsWith($"-A {chain} ", StringComparison.Ordinal)) hasRules = true;
            else if (line.StartsWith("-A ", StringComparison.Ordinal) && (line.Contains($" -j {chain} ", StringComparison.Ordinal) || line.EndsWith($" -j {chain}", StringComparison.Ordinal))) return null;
        }
        if (!exists) return null;
        return "*nat\n" + (hasRules ? $"-F {chain}\n" : "") + $"-X {chain}\nCOMMIT\n";
    }
}
