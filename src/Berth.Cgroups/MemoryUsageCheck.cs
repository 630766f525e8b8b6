namespace Berth.Cgroups;

/// <summary>
/// linux.resources.memory.checkBeforeUpdate: refuse a new limit that is not above what the cgroup already uses.
/// Without it, cgroup v2 accepts the limit and the OOM killer starts killing; cgroup v1 tries to reclaim and may
/// fail with EBUSY. runc does this check before writing (on v2; Berth does it on both).
/// </summary>
internal static class MemoryUsageCheck
{
    private const string Field = "linux.resources.memory";

    /// <param name="limit">The new memory limit (0 or -1: nothing to check).</param>
    /// <param name="memoryPlusSwap">The new memory+swap limit, OCI meaning (0 or -1: nothing to check).</param>
    /// <param name="usage">Memory in use now.</param>
    /// <param name="usagePlusSwap">Memory plus swap in use now.</param>
    public static void Require(long limit, long memoryPlusSwap, ulong usage, ulong usagePlusSwap)
    {
        if (memoryPlusSwap > 0 && (ulong)memoryPlusSwap <= usagePlusSwap)
        {
            throw new CgroupException(
                $"{Field}.swap {memoryPlusSwap} rejected (checkBeforeUpdate): memory+swap in use is already {usagePlusSwap}; choose a higher limit");
        }
        if (limit > 0 && (ulong)limit <= usage)
        {
            throw new CgroupException(
                $"{Field}.limit {limit} rejected (checkBeforeUpdate): memory in use is already {usage}; choose a higher limit");
        }
    }
}
