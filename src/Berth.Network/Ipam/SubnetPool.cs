namespace Berth.Network.Ipam;

/// <summary>
/// Chooses subnets for networks created without --subnet: the first /24 of the pool (10.90.0.0/16 by default,
/// away from podman's 10.88.0.0/16 and 10.89.0.0/16 and docker's 172.17.0.0/16) that overlaps no other berth
/// network and no host route. Pure: the caller lists what is taken.
/// </summary>
public static class SubnetPool
{
    public static readonly Ipv4Subnet Default = new(0x0A5A0000, 16);

    public static Ipv4Subnet? PickFree(Ipv4Subnet pool, int prefix, IReadOnlyCollection<Ipv4Subnet> taken)
    {
        ulong step = 1UL << (32 - prefix);
        for (ulong n = pool.Network; n + step - 1 <= pool.Broadcast; n += step)
        {
            var candidate = new Ipv4Subnet((uint)n, prefix);
            if (!taken.Any(t => t.Overlaps(candidate))) return candidate;
        }
        return null;
    }

    /// <summary>The first taken subnet that <paramref name="subnet"/> overlaps, or null.</summary>
    public static Ipv4Subnet? FirstOverlap(Ipv4Subnet subnet, IEnumerable<Ipv4Subnet> taken) =>
        taken.Where(t => t.Overlaps(subnet)).Select(t => (Ipv4Subnet?)t).FirstOrDefault();
}
