using Berth.Runtime.Interop;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>linux.maskedPaths, linux.readonlyPaths and root.readonly, applied after the root switch.</summary>
internal static class PathProtection
{
    /// <summary>A masked file gets /dev/null bound over it; a masked directory an empty read-only tmpfs.</summary>
    internal static void Mask(IEnumerable<string>? paths)
    {
        foreach (string path in paths ?? [])
        {
            if (Directory.Exists(path))
            {
                Sys.Mount("tmpfs", path, "tmpfs", MS_RDONLY, null, $"mask {path} (empty read-only tmpfs)");
            }
            else if (File.Exists(path))
            {
                Sys.Mount("/dev/null", path, "bind", MS_BIND, null, $"mask {path} (bind /dev/null over it)");
            }
        }
    }

    internal static void ReadOnly(IEnumerable<string>? paths)
    {
        foreach (string path in paths ?? [])
        {
            if (!Directory.Exists(path) && !File.Exists(path)) continue;
            Sys.Mount(path, path, "bind", MS_BIND | MS_REC, null, $"bind {path} on itself");
            Sys.Mount(null, path, null, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, null, $"remount {path} read-only");
        }
    }

    internal static void ReadOnlyRoot()
    {
        Sys.Mount(null, "/", null, MS_BIND | MS_REMOUNT | MS_RDONLY, null, "remount / read-only (root.readonly)");
    }
}
