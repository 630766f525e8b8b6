using Berth.Runtime.Interop;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>
/// The "cgroup" mount type. On a v2 host, one cgroup2 mount (with a cgroup namespace, its root is the
/// container's cgroup). On v1/hybrid hosts, a tmpfs with one directory per hierarchy: a fresh cgroup
/// mount of that hierarchy when the container has a cgroup namespace, else a bind of its cgroup dir.
/// </summary>
internal static class CgroupMount
{
    internal static void Mount(string target, ulong flags, Process.InitConfig config)
    {
        FsUtil.EnsureDirectory(target);
        if (config.CgroupMode == "v2")
        {
            Sys.Mount("cgroup2", target, "cgroup2", flags, null, $"mount cgroup2 on {target} ({Describe(flags)})");
            return;
        }
        bool ownNamespace = config.Spec.Linux?.Namespaces?.Any(n => n.Type == "cgroup" && n.Path is null) == true;
        ulong tmpfsFlags = flags & ~MS_RDONLY;
        Sys.Mount("tmpfs", target, "tmpfs", tmpfsFlags, "mode=755", $"mount tmpfs on {target} for the cgroup v1 hierarchies");
        foreach (var (name, controllers) in config.CgroupHierarchies)
        {
            string dir = Path.Combine(target, name);
            FsUtil.EnsureDirectory(dir);
            if (ownNamespace)
            {
                string fsType = controllers.Length == 0 ? "cgroup2" : "cgroup";
                Sys.Mount(fsType, dir, fsType, flags, controllers.Length == 0 ? null : controllers,
                    $"mount {fsType} ({(controllers.Length == 0 ? "unified" : controllers)}) on {dir}");
            }
            else if (config.CgroupPaths.TryGetValue(name, out string? hostPath))
            {
                Sys.Mount(hostPath, dir, "bind", MS_BIND, null, $"bind {hostPath} on {dir}");
                Sys.Mount(null, dir, null, MS_BIND | MS_REMOUNT | (flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)), null, $"remount {dir} ({Describe(flags)})");
            }
        }
        if ((flags & MS_RDONLY) != 0)
        {
            Sys.Mount(null, target, null, tmpfsFlags | MS_RDONLY | MS_REMOUNT, "mode=755", $"remount {target} read-only");
        }
    }
}
