using Berth.Cgroups;

namespace Berth.Engine.Runtime;

/// <summary>
/// crun (1.8, Debian 12) refuses hybrid cgroup hosts (v1 controllers plus a controller-less cgroup2 mount):
/// "cgroups in hybrid mode not supported, drop all controllers from cgroupv2". Seen from a private mount
/// namespace without that cgroup2 mount, the host is plain v1, which crun supports. So on a hybrid host each
/// crun call runs as `unshare --mount --propagation private sh -c 'umount UNIFIED && exec crun ARGS'`
/// (util-linux's unshare(1)): only crun's own view changes; the container's cgroups are the v1 ones, where
/// berth's top, stats and pause find them. Every call of one container goes the same way, so create,
/// pause, kill and delete agree on the layout.
/// </summary>
public static class CrunOnHybridHost
{
    private static readonly string[] Unshare = ["/usr/bin/unshare", "/bin/unshare"];

    /// <summary>The argv to put before the runtime's: empty unless the runtime is crun on a hybrid host.</summary>
    public static IReadOnlyList<string> Prefix(string runtimePath)
    {
        if (!System.IO.Path.GetFileName(runtimePath).StartsWith("crun", StringComparison.Ordinal)) return [];
        CgroupHost host;
        try
        {
            host = CgroupHost.Detect();
        }
        catch (CgroupException)
        {
            return [];
        }
        return Prefix(host.Mode, host.UnifiedMountpoint, Unshare.FirstOrDefault(File.Exists));
    }

    /// <summary>Pure: the prefix for a host of <paramref name="mode"/> (empty when not hybrid or without unshare(1)).</summary>
    public static IReadOnlyList<string> Prefix(CgroupMode mode, string? unifiedMountpoint, string? unshare) =>
        mode != CgroupMode.Hybrid || unifiedMountpoint is null || unshare is null ? []
            : [unshare, "--mount", "--propagation", "private", "/bin/sh", "-c", "m=$1; shift; umount \"$m\" && exec \"$@\"", "sh", unifiedMountpoint];
}
