namespace Berth.Cgroups.Tests.Devices;

/// <summary>Which device cgroup mechanism a root-only test needs.</summary>
public enum DevicesNeed
{
    /// <summary>A mounted v1 "devices" hierarchy.</summary>
    V1Hierarchy,

    /// <summary>A cgroup2 mount (eBPF device filters attach to any cgroup2 directory).</summary>
    Cgroup2,
}

/// <summary>
/// A [Fact] against the real kernel's device cgroup; skipped with a visible reason when not root or when the host
/// lacks the v1 devices hierarchy or a cgroup2 mount (never silently passed).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DevicesRootFactAttribute : FactAttribute
{
    public DevicesRootFactAttribute(DevicesNeed need)
    {
        Skip = SkipReason(need);
    }

    private static string? SkipReason(DevicesNeed need)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "run as root: these tests change real device cgroups and load eBPF programs";
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
            DevicesNeed.V1Hierarchy when !host.V1Mountpoints.ContainsKey("devices") => $"needs the v1 devices hierarchy; this host is {host.Mode}",
            DevicesNeed.Cgroup2 when host.UnifiedMountpoint is null => $"needs a cgroup2 mount; this host is {host.Mode}",
            _ => null,
        };
    }
}
