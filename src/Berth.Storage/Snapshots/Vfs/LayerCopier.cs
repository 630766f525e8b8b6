using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Microsoft.Win32.SafeHandles;

namespace Berth.Storage.Snapshots.Vfs;

/// <summary>
/// Merges one overlay-form layer directory into a plain directory tree, doing by copying what overlayfs does by
/// looking: a whiteout (character device 0:0) deletes the name below it, a directory marked overlay.opaque=y
/// replaces the directory below it instead of merging, anything else replaces what was there. Owners, modes,
/// xattrs (overlay's own excepted), mtimes and hard links within the layer are kept. The destination is
/// reached only through <see cref="RootedDirectory"/> and *at() calls, so symlinks from earlier layers cannot
/// redirect the copy outside it.
/// </summary>
internal sealed partial class LayerCopier
{
    private static readonly string[] OpaqueXattrs = ["trusted.overlay.opaque", "user.overlay.opaque"];
    private readonly RootedDirectory _destination;
    private readonly Dictionary<ulong, string> _copiedInodes = [];
    private readonly bool _privileged = Libc.geteuid() == 0;
    private readonly CancellationToken _cancellationToken;

    private LayerCopier(RootedDirectory destination, CancellationToken cancellationToken)
    {
        _destination = destination;
        _cancellationToken = cancellationToken;
    }

    public static void Apply(string layerDirectory, string destination, CancellationToken cancellationToken)
    {
        using var target = new RootedDirectory(destination);
        using var source = Fs.Open(layerDirectory, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW);
        new LayerCopier(target, cancellationToken).CopyChildren(source, "");
    }

    /// <summary>
    /// Copies the directory open as <paramref name="source"/> (its contents, then its owner and mode) into the
    /// existing directory <paramref name="destination"/>: a volume's copy-up.
    /// </summary>
    internal static void CopyTree(FileDescriptor source, string destination, CancellationToken cancellationToken)
    {
        using var target = new RootedDirectory(destination);
        var copier = new LayerCopier(target, cancellationToken);
        copier.CopyChildren(source, "");
        using var parent = Fs.Open(System.IO.Path.GetDirectoryName(destination.TrimEnd('/'))!, Fs.O_PATH | Fs.O_DIRECTORY);
        string name = System.IO.Path.GetFileName(destination.TrimEnd('/'));
        var stat = Fs.Stat(source.Fd, "");
        if (copier._privileged)
        {
            Fs.Check(Libc.fchownat(parent.Fd, name, (int)stat.Uid, (int)stat.Gid, Fs.AT_SYMLINK_NOFOLLOW), $"chown {destination}");
        }
        Fs.Check(Libc.fchmodat(parent.Fd, name, stat.Permissions, 0), $"chmod {destination}");
    }

    private void CopyChildren(FileDescriptor source, string relative)
    {
        using var destination = _destination.OpenDirectory(relative, create: false);
        foreach (string name in TreeRemover.ListNames(source))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var stat = Fs.Stat(source.Fd, name);
            string path = relative.Length == 0 ? name : relative + "/" + name;
            if (stat.IsOverlayWhiteout)
            {
                TreeRemover.RemoveAt(destination, name);
            }
            else if (stat.IsDirectory)
            {
                CopyDirectory(source, destination, name, path, stat);
            }
            else
            {
                CopyNonDirectory(source, destination, name, path, stat);
            }
        }
    }

    private void CopyDirectory(FileDescriptor source, FileDescriptor destination, string name, string path, FileStat stat)
    {
        var existing = Fs.TryStat(destination.Fd, name);
        bool opaque = OpaqueXattrs.Any(x => Fs.TryGetXattr(RootedDirectory.ProcPath(source, name), x) is [(byte)'y']);
        if (existing is not null && (opaque || !existing.Value.IsDirectory))
        {
            TreeRemover.RemoveAt(destination, name);
            existing = null;
        }
        if (existing is null)
        {
            Fs.Check(Libc.mkdirat(destination.Fd, name, 0x1C0), $"mkdir {path} in {_destination.Path}");
        }
        using (var child = Fs.OpenAt(source.Fd, name, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW))
        {
            CopyChildren(child, path);
        }
        CopyMetadata(source, destination, name, stat);
    }

    private void CopyNonDirectory(FileDescriptor source, FileDescriptor destination, string name, string path, FileStat stat)
    {
        TreeRemover.RemoveAt(destination, name);
        if (stat.LinkCount > 1 && _copiedInodes.TryGetValue(stat.Inode, out string? firstCopy))
        {
            LinkToFirstCopy(destination, name, path, firstCopy);
            return;
        }
        if (stat.IsRegular)
        {
            CopyFileData(source, destination, name, path);
        }
        else if (stat.IsSymlink)
        {
            Fs.Check(Libc.symlinkat(Fs.ReadLinkAt(source.Fd, name), destination.Fd, name), $"symlink {path}");
        }
        else if (!CreateNode(destination, name, path, stat))
        {
            return;
        }
        _copiedInodes[stat.Inode] = path;
        CopyMetadata(source, destination, name, stat);
    }

    private static void CopyFileData(FileDescriptor source, FileDescriptor destination, string name, string path)
    {
        int input = Libc.openat(source.Fd, name, Fs.O_RDONLY | Fs.O_NOFOLLOW | Fs.O_CLOEXEC, 0);
        Fs.Check(input, $"open {path} in the layer");
        using var reader = new FileStream(new SafeFileHandle(input, ownsHandle: true), FileAccess.Read, 0);
        int output = Libc.openat(destination.Fd, name, Fs.O_WRONLY | Fs.O_CREAT | Fs.O_EXCL | Fs.O_NOFOLLOW | Fs.O_CLOEXEC, 0x180);
        Fs.Check(output, $"create {path}");
        using var writer = new FileStream(new SafeFileHandle(output, ownsHandle: true), FileAccess.Write, 0);
        reader.CopyTo(writer, 1 << 17);
    }

    private void LinkToFirstCopy(FileDescriptor destination, string name, string path, string firstCopy)
    {
        var (parent, first) = Layers.LayerPath.Split(firstCopy);
        using var firstParent = _destination.OpenDirectory(parent, create: false);
        Fs.Check(Libc.linkat(firstParent.Fd, first, destination.Fd, name, 0), $"link {path} to {firstCopy}");
    }

    private bool CreateNode(FileDescriptor destination, string name, string path, FileStat stat)
    {
        bool device = stat.Type is FileStat.S_IFCHR or FileStat.S_IFBLK;
        if (device && !_privileged)
        {
            return false;
        }
        ulong rdev = DeviceNumber.Make(stat.RdevMajor, stat.RdevMinor);
        Fs.Check(Libc.mknodat(destination.Fd, name, stat.Type | 0x180, rdev), $"mknod {path}");
        return true;
    }
}
