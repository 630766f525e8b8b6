namespace Berth.Cgroups.Tests.Real;

/// <summary>What a root-only test needs from the host besides root.</summary>
public enum HostNeed
{
    V1Controllers,
    Cgroup2Mount,
}

/// <summary>
/// A [Fact] against the real cgroupfs. When the process is not root, or the host lacks the needed layout, the test
/// is reported as skipped with the reason (never silently passed): "run as root: these tests use the real cgroupfs".
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(HostNeed need)
    {
        Skip = SkipReason(need);
    }

    private static string? SkipReason(HostNeed need)
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
            HostNeed.V1Controllers when !host.V1Controllers.Any() => $"needs cgroup v1 controllers; this host is {host.Mode}",
            HostNeed.Cgroup2Mount when host.UnifiedMountpoint is null => $"needs a cgroup2 mount; this host is {host.Mode}",
            _ => null,
        };
    }
}
