using Berth.Storage.FileSystem;
using Berth.Storage.Interop;

namespace Berth.Storage.Snapshots.Overlay;

/// <summary>
/// Whether overlayfs works under a storage root: the only reliable test is a real mount (the kernel may lack the
/// module, the backing file system may refuse to be an upper directory, the process may lack CAP_SYS_ADMIN).
/// Mounts a tiny overlay under ROOT/overlay-probe-*, unmounts it and removes it.
/// </summary>
public static class OverlayProbe
{
    public static bool IsAvailable(string storageRoot, out string reason)
    {
        string probe = Path.Combine(storageRoot, "overlay-probe-" + Path.GetRandomFileName().Replace(".", ""));
        try
        {
            foreach (string dir in new[] { "lower", "upper", "work", "merged" })
            {
                Directory.CreateDirectory(Path.Combine(probe, dir));
            }
            string merged = Path.Combine(probe, "merged");
            string options = OverlayMountOptions.Format([Path.Combine(probe, "lower")], Path.Combine(probe, "upper"), Path.Combine(probe, "work"));
            if (Libc.mount("overlay", merged, "overlay", 0, options) < 0)
            {
                reason = new StorageException($"mount overlay on {merged}", Fs.LastErrno).Message;
                return false;
            }
            Libc.umount2(merged, Fs.MNT_DETACH);
            reason = "";
            return true;
        }
        finally
        {
            TreeRemover.Remove(probe);
        }
    }
}
