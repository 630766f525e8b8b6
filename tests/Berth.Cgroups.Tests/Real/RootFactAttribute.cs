namespace Berth.Cgroups.Tests.Real;

/// <summary>What a root-only test needs from the host besides root.</summary>
public enum HostNeed
{
    V1Controllers,
    Cgroup2Mount,
    /// <summary>v1 controllers with swap accounting (memory.memsw.limit_in_bytes at the memory root).</summary>
    V1SwapAccounting,
}

/// <summary>
/// A [Fact] against the real cgroupfs. When the process is not root, or the host lacks the needed layout, the test
/// is reported as skipped with the reason (never silently passed): "run as root: these tests use the real cgroupfs".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    /// <param name="need">The host layout the test needs.</param>
    /// <param name="v1Controller">A v1 controller whose hierarchy must be mounted ("freezer", "blkio"), or null.</param>
    public RootFactAttribute(HostNeed need, string? v1Controller = null)
    {
        Skip = SkipReason(need, v1Controller);
    }

    private static string? SkipReason(HostNeed need, string? v1Controller)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "run as root: these tests use the real cgroupfs";
        }
        CgroupHost host;
        try
        {
            host = CgroupHost.Detect();
        }
        catch (CgroupException e)
        {
            return "no cgroup filesystem: " + e.Message;
        }
        return need switch
        {
            HostNeed.V1Controllers or HostNeed.V1SwapAccounting when !host.V1Controllers.Any() => $"needs cgroup v1 controllers; this host is {host.Mode}",
            HostNeed.Cgroup2Mount when host.UnifiedMountpoint is null => $"needs a cgroup2 mount; this host is {host.Mode}",
            HostNeed.V1SwapAccounting when !host.V1Mountpoints.TryGetValue("memory", out string? memory)
                || !File.Exists(Path.Join(memory, "memory.memsw.limit_in_bytes")) => "needs swap accounting (memory.memsw.*): boot with swapaccount=1",
            _ when v1Controller is not null && !host.V1Mountpoints.ContainsKey(v1Controller) => $"needs the v1 {v1Controller} hierarchy, which this host has not mounted",
            _ => null,
        };
    }
}
