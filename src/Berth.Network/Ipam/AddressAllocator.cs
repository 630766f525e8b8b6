namespace Berth.Network.Ipam;

/// <summary>
/// The address a new endpoint gets: the lowest free one after the gateway, skipping the network address, the
/// broadcast address, the gateway and every address in use (the leases table). Pure; the caller runs it in the
/// same write transaction that records the lease, so two starts cannot get the same address.
/// </summary>
public static class AddressAllocator
{
    public static uint? NextFree(Ipv4Subnet subnet, uint gateway, IReadOnlySet<uint> used)
    {
        for (uint a = subnet.Network + 1; a < subnet.Broadcast; a++)
        {
            if (a != gateway && !used.Contains(a)) return a;
        }
        return null;
    }

    /// <summary>Whether a requested address (--ip) can be used in the subnet.</summary>
    public static string? CheckStatic(Ipv4Subnet subnet, uint gateway, uint address, IReadOnlySet<uint> used)
    {
        string text = Ipv4Subnet.Format(address);
        if (!subnet.Contains(address)) return $"address {text} is not in the network's subnet {subnet}";
        if (address == subnet.Network || address == subnet.Broadcast || address == gateway) return $"address {text} is the network, broadcast or gateway address of {subnet}";
        if (used.Contains(address)) return $"address {text} is already in use";
        return null;
    }
}
