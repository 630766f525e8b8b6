using Berth.Runtime.Interop;
using static Berth.Runtime.Rootfs.MountFlags;

namespace Berth.Runtime.Rootfs;

/// <summary>Makes the rootfs the container's "/": pivot_root (the default) or, with --no-pivot, move + chroot.</summary>
internal static class RootSwitch
{
    /// <summary>
    /// runc's trick: pivot_root(".", ".") stacks the old root on top of the new one at "/", then a lazy
    /// unmount of "." drops the old root (made rslave first, so the unmount does not reach the host).
    /// </summary>
    internal static void PivotRoot(string rootfs)
    {
        int oldRoot = Sys.Open("/", Sys.O_DIRECTORY | Sys.O_RDONLY);
        int newRoot = Sys.Open(rootfs, Sys.O_DIRECTORY | Sys.O_RDONLY);
        try
        {
            Sys.Check(Libc.fchdir(newRoot), $"chdir {rootfs}");
            Sys.PivotRoot(".", ".");
            Sys.Check(Libc.fchdir(oldRoot), "chdir to the old root");
            Sys.Mount(null, ".", null, MS_SLAVE | MS_REC, null, "make the old root rslave so its unmount stays in the container");
            Sys.Umount(".", Sys.MNT_DETACH);
            Sys.Chdir("/");
        }
        finally
        {
            Sys.Close(oldRoot);
            Sys.Close(newRoot);
        }
    }

    internal static void MoveAndChroot(string rootfs)
    {
        Sys.Chdir(rootfs);
        Sys.Mount(rootfs, "/", null, MS_MOVE, null, $"move {rootfs} to / (--no-pivot)");
        Sys.Chroot(".");
        Sys.Chdir("/");
    }
}
