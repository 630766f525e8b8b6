using Berth.Cgroups.V1;
using Berth.Cgroups.V2;

namespace Berth.Cgroups;

/// <summary>Picks the manager for the host's layout and resolves linux.cgroupsPath (see <see cref="CgroupsPath"/>).</summary>
public static class CgroupManagerFactory
{
    /// <param name="trace">Receives each cgroup step in plain words ("cgroup: write 20 to .../pids.max"); null for none.</param>
    public static ICgroupManager Create(CgroupHost host, string? cgroupsPath, string containerId, Action<string>? trace) =>
        Create(host, cgroupsPath, containerId, new CgroupFs(trace));

    internal static ICgroupManager Create(CgroupHost host, string? cgroupsPath, string containerId, CgroupFs fs)
    {
        string relative = CgroupsPath.Resolve(cgroupsPath, containerId);
        if (host.Mode == CgroupMode.V2)
        {
            return new V2CgroupManager(host.UnifiedMountpoint!, relative, fs);
        }
        return new V1CgroupManager(host, relative, fs);
    }
}
