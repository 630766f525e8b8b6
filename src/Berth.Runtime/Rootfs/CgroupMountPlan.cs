using Berth.Cgroups;
using Berth.Runtime.Process;

namespace Berth.Runtime.Rootfs;

/// <summary>
/// What the init needs for the "cgroup" mount type, from the runtime's view of the host: one directory
/// per hierarchy (named as on the host: cpu, memory, systemd, unified) with its mount options, and the
/// container's cgroup in each (bound when there is no cgroup namespace).
/// </summary>
internal static class CgroupMountPlan
{
    internal static void Fill(InitConfig config, CgroupHost host, ICgroupManager manager)
    {
        config.CgroupMode = host.Mode switch { CgroupMode.V1 => "v1", CgroupMode.Hybrid => "hybrid", _ => "v2" };
        if (host.Mode == CgroupMode.V2) return;
        foreach (var group in host.V1Mountpoints.GroupBy(kv => kv.Value))
        {
            string dir = Path.GetFileName(group.Key);
            var names = group.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
            string options = names.Any(n => n.StartsWith("name=", StringComparison.Ordinal))
                ? "none," + string.Join(',', names)
                : string.Join(',', names);
            config.CgroupHierarchies[dir] = options;
            string? path = names.Select(n => manager.Paths.TryGetValue(n, out var p) ? p : null).FirstOrDefault(p => p is not null);
            if (path is not null) config.CgroupPaths[dir] = path;
        }
        if (host.UnifiedMountpoint is { } unified)
        {
            string dir = Path.GetFileName(unified);
            config.CgroupHierarchies[dir] = "";
            if (manager.Paths.TryGetValue("", out var p)) config.CgroupPaths[dir] = p;
        }
    }
}
