using Berth.Storage.FileSystem;
using Berth.Storage.Interop;

namespace Berth.Storage.Snapshots.Vfs;

internal sealed partial class LayerCopier
{
    /// <summary>Owner, then mode (chown clears setuid), then xattrs, then mtime; nothing follows a final symlink.</summary>
    private unsafe void CopyMetadata(FileDescriptor source, FileDescriptor destination, string name, FileStat stat)
    {
        if (_privileged)
        {
            Fs.Check(Libc.fchownat(destination.Fd, name, (int)stat.Uid, (int)stat.Gid, Fs.AT_SYMLINK_NOFOLLOW), $"chown {name}");
        }
        if (!stat.IsSymlink)
        {
            Fs.Check(Libc.fchmodat(destination.Fd, name, stat.Permissions, 0), $"chmod {name}");
        }
        string from = RootedDirectory.ProcPath(source, name), to = RootedDirectory.ProcPath(destination, name);
        foreach (string xattr in Fs.ListXattrs(from))
        {
            if (!xattr.Contains(".overlay.", StringComparison.Ordinal) && Fs.TryGetXattr(from, xattr) is { } value)
            {
                Fs.TrySetXattr(to, xattr, value);
            }
        }
        Timespec* times = stackalloc Timespec[2];
        times[0] = new Timespec { Seconds = stat.MtimeSeconds, Nanoseconds = stat.MtimeNanoseconds };
        times[1] = times[0];
        Fs.Check(Libc.utimensat(destination.Fd, name, times, Fs.AT_SYMLINK_NOFOLLOW), $"set mtime of {name}");
    }
}
