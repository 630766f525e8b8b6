using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Berth.Storage.Layers;
using Berth.Storage.Snapshots.Vfs;

namespace Berth.Storage.Copy;

/// <summary>
/// File operations on a directory tree seen as a root file system (a container's rootfs, a volume): every path
/// is resolved inside the tree the way the container would resolve it (openat2 RESOLVE_IN_ROOT, see
/// <see cref="RootedDirectory"/>), so "..", absolute symlinks and symlinks climbing up never leave it. Used by
/// volume copy-up and `berth cp`.
/// </summary>
public static class RootedTree
{
    /// <summary>
    /// Docker's volume copy-up: when <paramref name="volumeData"/> is empty and <paramref name="path"/> is a directory
    /// in <paramref name="root"/>, copies its contents (owners, modes, xattrs, mtimes, symlinks, hard links) and its
    /// own owner and mode into the volume. Returns whether anything was copied.
    /// </summary>
    public static bool CopyUp(string root, string path, string volumeData, CancellationToken cancellationToken = default)
    {
        if (Directory.EnumerateFileSystemEntries(volumeData).Any()) return false;
        using var tree = new RootedDirectory(root);
        if (tree.TryOpenDirectory(Relative(path), out var found) != 0) return false;
        using (found)
        {
            using var source = Fs.OpenAt(found!.Fd, ".", Fs.O_RDONLY | Fs.O_DIRECTORY);
            LayerCopier.CopyTree(source, volumeData, cancellationToken);
        }
        return true;
    }

    /// <summary>What <paramref name="path"/> names inside the tree (its last component followed only when asked); null when missing.</summary>
    public static TreeEntry? Stat(string root, string path, bool followLink)
    {
        using var tree = new RootedDirectory(root);
        return Locate(tree, path, followLink) is { } located ? located.Entry : null;
    }

    /// <summary>
    /// Writes a tar archive of <paramref name="path"/> (a file, or a directory with everything below it) to
    /// <paramref name="output"/>, its entries named <paramref name="rebaseName"/> (and rebaseName/child...; an empty
    /// name writes only the directory's children). <paramref name="owner"/> replaces every entry's uid:gid.
    /// </summary>
    public static void WriteArchive(string root, string path, bool followLink, string rebaseName, Stream output, (int Uid, int Gid)? owner = null)
    {
        using var tree = new RootedDirectory(root);
        var located = Locate(tree, path, followLink) ?? throw new StorageException($"copy {path}: no such file or directory");
        using var parent = located.Parent;
        new TreeArchiveWriter(output, owner).Write(parent, located.Name, rebaseName);
    }

    /// <summary>
    /// Unpacks a tar stream into the directory <paramref name="directory"/> of the tree (which must exist). Entries
    /// are resolved inside the tree too; ".wh." names are plain files; owners from the archive only when asked.
    /// </summary>
    public static async Task ExtractArchiveAsync(Stream tar, string root, string directory, bool applyOwners, CancellationToken cancellationToken)
    {
        using var tree = new RootedDirectory(root);
        int errno = tree.TryOpenDirectory(Relative(directory), out var dir);
        if (errno != 0) throw new StorageException($"open directory {directory}", errno);
        using var target = new RootedDirectory(dir!, $"{root}:{directory}");
        var unpacker = new LayerUnpacker(new UnpackOptions { ConvertWhiteouts = false, ApplyOwners = applyOwners });
        await unpacker.UnpackAsync(tar, target, cancellationToken);
    }

    /// <summary>Removes a whole tree without following any symlink in it (see <see cref="TreeRemover"/>).</summary>
    public static void Remove(string path) => TreeRemover.Remove(path);

    /// <summary>"/a/b/" → "a/b": a path inside the tree, relative to its top.</summary>
    public static string Relative(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));

    private sealed record Located(FileDescriptor Parent, string Name, TreeEntry Entry);

    /// <summary>Opens the parent of <paramref name="path"/> in the tree and stats its last component (following up to 40 symlinks when asked).</summary>
    private static Located? Locate(RootedDirectory tree, string path, bool followLink)
    {
        string relative = Relative(path);
        for (int hops = 0; hops < 40; hops++)
        {
            if (relative.Length == 0)
            {
                var top = Fs.OpenAt(tree.Root.Fd, ".", Fs.O_PATH | Fs.O_DIRECTORY);
                return new Located(top, ".", new TreeEntry(true, false, "/"));
            }
            var (parentPath, name) = LayerPath.Split(relative);
            if (name == "..")
            {
                relative = ParentOf(parentPath);
                continue;
            }
            if (tree.TryOpenDirectory(parentPath, out var parent) != 0) return null;
            var stat = Fs.TryStat(parent!.Fd, name);
            if (stat is null)
            {
                parent.Dispose();
                return null;
            }
            if (!(followLink && stat.Value.IsSymlink))
            {
                return new Located(parent, name, new TreeEntry(stat.Value.IsDirectory, stat.Value.IsSymlink, "/" + relative));
            }
            string target = Fs.ReadLinkAt(parent.Fd, name);
            parent.Dispose();
            relative = Relative(target.StartsWith('/') ? target : parentPath + "/" + target);
        }
        throw new StorageException($"resolve {path}: too many levels of symbolic links", Errno.ELOOP);
    }

    private static string ParentOf(string relative) => relative.Contains('/') ? relative[..relative.LastIndexOf('/')] : "";
}

/// <summary>One file found in a <see cref="RootedTree"/>: what it is and its path inside the tree after following links.</summary>
public sealed record TreeEntry(bool IsDirectory, bool IsSymlink, string ResolvedPath);
