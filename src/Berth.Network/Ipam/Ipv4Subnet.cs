using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Berth.Network.Ipam;

/// <summary>An IPv4 network in CIDR form ("10.90.3.0/24"), addresses as host-order integers. Pure.</summary>
public readonly record struct Ipv4Subnet(uint Network, int Prefix)
{
    public uint Mask => Prefix == 0 ? 0 : uint.MaxValue << (32 - Prefix);
    public uint Broadcast => Network | ~Mask;
    /// <summary>Number of addresses, network and broadcast included.</summary>
    public ulong Size => 1UL << (32 - Prefix);

    /// <summary>"A.B.C.D/N"; host bits must be zero (docker refuses "10.1.2.3/24" too).</summary>
    public static Ipv4Subnet Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !TryParseAddress(parts[0], out uint address) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int prefix) || prefix is < 1 or > 30)
        {
            throw new FormatException($"invalid subnet {text}: give an IPv4 network in CIDR form with a prefix from 1 to 30, e.g. 10.90.5.0/24");
        }
        var subnet = new Ipv4Subnet(address, prefix);
        if ((address & ~subnet.Mask) != 0) throw new FormatException($"invalid subnet {text}: host bits are set; did you mean {new Ipv4Subnet(address & subnet.Mask, prefix)}?");
        return subnet;
    }

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Overlaps(Ipv4Subnet other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>The n-th address of the network (0 = the network address).</summary>
    public uint At(uint n) => Network + n;

    public override string ToString() => $"{Format(Network)}/{Prefix}";

    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        if (!IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') != 3) return false;
        byte[] b = ip.GetAddressBytes();
        address = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        return true;
    }

    public static uint ParseAddress(string text) =>
        TryParseAddress(text, out uint a) ? a : throw new FormatException($"invalid IPv4 address {text}");

    public static string Format(uint address) => $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";
}
