namespace Berth.Cgroups.V2;

/// <summary>
/// cgroup v1 cpu.shares [2, 262144] → cgroup v2 cpu.weight [1, 10000], the linear mapping runc and crun use:
/// weight = 1 + ((shares - 2) * 9999) / 262142, so 2 → 1, 1024 (the v1 default) → 39, 262144 → 10000.
/// Shares outside [2, 262144] are clamped first, as the v1 kernel would.
/// </summary>
internal static class CpuWeight
{
    public const ulong MinShares = 2;
    public const ulong MaxShares = 262144;

    public static ulong FromShares(ulong shares)
    {
        ulong clamped = Math.Clamp(shares, MinShares, MaxShares);
        return 1 + ((clamped - MinShares) * 9999) / (MaxShares - MinShares);
    }
}
