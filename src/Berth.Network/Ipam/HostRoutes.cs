using System.Globalization;

namespace Berth.Network.Ipam;

/// <summary>
/// The host's IPv4 routes from /proc/net/route (destination and mask in little-endian hex), default routes left
/// out: a new network must not overlap a route the host already has (eth0's LAN, another engine's bridge).
/// </summary>
public static class HostRoutes
{
    public static List<(string Interface, Ipv4Subnet Subnet)> Read(string path = "/proc/net/route") =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    public static List<(string Interface, Ipv4Subnet Subnet)> Parse(string table)
    {
        var routes = new List<(string, Ipv4Subnet)>();
        foreach (string line in table.Split('\n').Skip(1))
        {
            string[] f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8 || !uint.TryParse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint dest)
                || !uint.TryParse(f[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint mask)) continue;
            uint d = Swap(dest), m = Swap(mask);
            int prefix = System.Numerics.BitOperations.PopCount(m);
            if (prefix == 0) continue;
            routes.Add((f[0], new Ipv4Subnet(d & m, prefix)));
        }
        return routes;
    }

    private static uint Swap(uint v) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
}
