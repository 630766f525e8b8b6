using Berth.Storage.Interop;

namespace Berth.Storage.FileSystem;

/// <summary>
/// Removes a file or a whole directory tree without ever following a symlink (each level is opened with
/// O_NOFOLLOW relative to its parent's descriptor), making read-only directories writable first so that
/// unprivileged callers can remove trees that contain them.
/// </summary>
internal static class TreeRemover
{
    /// <summary>Removes <paramref name="name"/> inside the directory <paramref name="parent"/>; nothing if absent.</summary>
    public static void RemoveAt(FileDescriptor parent, string name)
    {
        var stat = Fs.TryStat(parent.Fd, name);
        if (stat is null)
        {
            return;
        }
        if (stat.Value.IsDirectory)
        {
            Libc.fchmodat(parent.Fd, name, 0x1C0, 0);
            using var dir = Fs.OpenAt(parent.Fd, name, Fs.O_RDONLY | Fs.O_DIRECTORY | Fs.O_NOFOLLOW);
            foreach (string child in ListNames(dir))
            {
                RemoveAt(dir, child);
            }
        }
        int flags = stat.Value.IsDirectory ? Fs.AT_REMOVEDIR : 0;
        if (Libc.unlinkat(parent.Fd, name, flags) < 0 && Fs.LastErrno != Errno.ENOENT)
        {
            throw Fs.Error($"remove {name}");
        }
    }

    /// <summary>Removes the tree at an absolute path; nothing if absent.</summary>
    public static void Remove(string path)
    {
        string full = System.IO.Path.GetFullPath(path).TrimEnd('/');
        string parentPath = System.IO.Path.GetDirectoryName(full) ?? "/";
        using var parent = Fs.Open(parentPath, Fs.O_PATH | Fs.O_DIRECTORY);
        RemoveAt(parent, System.IO.Path.GetFileName(full));
    }

    internal static List<string> ListNames(FileDescriptor dir) =>
        Directory.EnumerateFileSystemEntries(dir.ProcPath).Select(p => System.IO.Path.GetFileName(p)).ToList();
}
