using Berth.Oci.Linux;
using Berth.Oci.Spec;
using Berth.Runtime.Interop;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>Performs the spec's "mounts" inside the rootfs (before pivot_root), each target resolved with <see cref="SecureJoin"/>.</summary>
internal static class SpecMounts
{
    internal static void MountAll(Process.InitConfig config)
    {
        var mounts = config.Spec.Mounts ?? [];
        for (int i = 0; i < mounts.Count; i++)
        {
            MountOne(mounts[i], config);
        }
    }

    private static void MountOne(Mount m, Process.InitConfig config)
    {
        var options = MountOptions.Parse(m.Options);
        string target = SecureJoin.Join(config.Rootfs, m.Destination);
        string type = m.Type ?? "";
        if (options.IsBind || type == "bind")
        {
            BindMount(m, options, target, config.Bundle);
        }
        else if (type == "cgroup" || type == "cgroup2")
        {
            CgroupMount.Mount(target, options.Flags, config);
        }
        else
        {
            FsUtil.EnsureDirectory(target);
            string data = options.Data;
            Sys.Mount(m.Source ?? type, target, type, options.Flags, data.Length == 0 ? null : data,
                $"mount {type} on {m.Destination} ({Describe(options.Flags)}{(data.Length > 0 ? " " + data : "")})");
        }
        foreach (ulong propagation in options.Propagations)
        {
            Sys.Mount(null, target, null, propagation, null, $"set propagation of {m.Destination} to {Describe(propagation)}");
        }
    }

    private static void BindMount(Mount m, MountOptions options, string target, string bundle)
    {
        string source = m.Source ?? throw new Oci.InvalidSpecException($"mount {m.Destination}: a bind mount needs a source");
        if (!source.StartsWith('/')) source = Path.Combine(bundle, source);
        if (Directory.Exists(source)) FsUtil.EnsureDirectory(target);
        else if (File.Exists(source)) FsUtil.EnsureFile(target);
        else throw new Oci.BerthException($"bind mount {source} on {m.Destination}: the source does not exist");

        ulong bindFlags = MS_BIND | (options.IsRecursive ? MS_REC : 0);
        Sys.Mount(source, target, "bind", bindFlags, null, $"bind {source} on {m.Destination} ({Describe(bindFlags)})");
        ulong extra = options.Flags & ~(MS_BIND | MS_REC);
        if (extra != 0)
        {
            // The kernel ignores ro/nosuid/... on the first bind; a remount applies them.
            Sys.Mount(null, target, null, extra | MS_BIND | MS_REMOUNT, null,
                $"remount {m.Destination} ({Describe(extra)})");
        }
    }
}
