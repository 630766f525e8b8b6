using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Berth.Storage.Layers.Tar;

namespace Berth.Storage.Layers;

public sealed partial class LayerUnpacker
{
    /// <summary>
    /// Owner first (chown clears setuid/setgid and security.capability), then mode, then xattrs. Symlinks have
    /// no mode of their own on Linux; their owner is set with AT_SYMLINK_NOFOLLOW (lchown).
    /// </summary>
    private void ApplyOwnerModeXattrs(EntryContext context, FileDescriptor parent, string name)
    {
        var entry = context.Entry;
        if (_options.Privileged && _options.ApplyOwners)
        {
            Check(Libc.fchownat(parent.Fd, name, (int)entry.Uid, (int)entry.Gid, Fs.AT_SYMLINK_NOFOLLOW), "chown", context);
        }
        else if (_options.ApplyOwners && entry.Uid != Libc.geteuid())
        {
            context.Report.Note("ownership not applied: changing owners needs root");
        }
        if (entry.Kind != TarEntryKind.Symlink)
        {
            // Without root, a read-only directory would stop this process from creating its contents: it stays
            // owner-writable until FinishDirectory gives it its real mode.
            bool keepWritable = entry.Kind == TarEntryKind.Directory && !_options.Privileged;
            Check(Libc.fchmodat(parent.Fd, name, keepWritable ? entry.Mode | 0x1C0 : entry.Mode, 0), "chmod", context);
        }
        foreach (var (xattr, value) in entry.Xattrs)
        {
            SetXattr(context, parent, name, xattr, value);
        }
    }

    private static void SetXattr(EntryContext context, FileDescriptor parent, string name, string xattr, byte[] value)
    {
        if (!XattrPolicy.IsAllowed(xattr, out string reason))
        {
            context.Report.Note($"{reason} ({context.Path})");
            return;
        }
        int errno = Fs.TrySetXattr(RootedDirectory.ProcPath(parent, name), xattr, value);
        if (errno is Errno.EOPNOTSUPP or Errno.EPERM or Errno.EACCES)
        {
            context.Report.Note($"xattr {xattr} on {context.Path} not applied: {Errno.Name(errno)}");
        }
        else if (errno != 0)
        {
            throw new StorageException($"set xattr {xattr} on {context.Path} in {context.Root.Path}", errno);
        }
    }

    /// <summary>utimensat with AT_SYMLINK_NOFOLLOW: the entry's own mtime (also used as atime), symlinks included.</summary>
    private static unsafe void SetTime(FileDescriptor parent, string name, TarEntryHeader entry)
    {
        Timespec* times = stackalloc Timespec[2];
        times[0] = new Timespec { Seconds = entry.MtimeSeconds, Nanoseconds = entry.MtimeNanoseconds };
        times[1] = times[0];
        if (Libc.utimensat(parent.Fd, name, times, Fs.AT_SYMLINK_NOFOLLOW) < 0)
        {
            throw Fs.Error($"set mtime of {name}");
        }
    }
}
