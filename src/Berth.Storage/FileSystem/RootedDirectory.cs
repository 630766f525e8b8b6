using Berth.Storage.Interop;

namespace Berth.Storage.FileSystem;

/// <summary>
/// A directory tree that path lookups may never leave. Paths are resolved with openat2(2) and RESOLVE_IN_ROOT:
/// the kernel treats the tree's top as "/", so "..", absolute symlinks and symlinks climbing up all stay inside
/// (a symlink "etc -> /etc" inside a layer means the layer's own etc). Where openat2 is missing (Linux before
/// 5.6) lookups walk one component at a time with O_NOFOLLOW and refuse any symlink on the way. Only the final
/// component is then touched, through an *at() call on the parent's descriptor, never by path.
/// </summary>
internal sealed class RootedDirectory : IDisposable
{
    private const int DirectoryFlags = Fs.O_PATH | Fs.O_DIRECTORY;
    private static bool s_openat2Missing;

    public RootedDirectory(string path)
    {
        Path = path;
        Root = Fs.Open(path, DirectoryFlags | Fs.O_NOFOLLOW);
    }

    /// <summary>Takes ownership of <paramref name="root"/>, a directory descriptor already resolved by the caller.</summary>
    public RootedDirectory(FileDescriptor root, string path)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public FileDescriptor Root { get; }

    /// <summary>Forces the component walk (tests use it to exercise the fallback used on old kernels).</summary>
    internal bool ForceComponentWalk { get; init; }

    /// <summary>Opens a directory inside the tree; returns 0 or the errno (ENOENT, ENOTDIR, ELOOP ...).</summary>
    public int TryOpenDirectory(string relative, out FileDescriptor? fd)
    {
        if (relative.Length == 0)
        {
            fd = Fs.OpenAt(Root.Fd, ".", DirectoryFlags);
            return 0;
        }
        if (!s_openat2Missing && !ForceComponentWalk)
        {
            for (int attempt = 0; attempt < 16; attempt++)
            {
                int result = Fs.TryOpenAt2(Root.Fd, relative, DirectoryFlags,
                    Fs.RESOLVE_IN_ROOT | Fs.RESOLVE_NO_MAGICLINKS, out fd);
                if (result != -Errno.ENOSYS && result != -11 /* EAGAIN: a concurrent rename, retry */)
                {
                    return -result;
                }
                s_openat2Missing |= result == -Errno.ENOSYS;
            }
        }
        return WalkWithoutSymlinks(relative, out fd);
    }

    /// <summary>Opens the directory <paramref name="relative"/>, creating missing components (mode 0755) when asked.</summary>
    public FileDescriptor OpenDirectory(string relative, bool create)
    {
        int errno = TryOpenDirectory(relative, out var fd);
        if (errno == Errno.ENOENT && create)
        {
            var (parent, name) = Layers.LayerPath.Split(relative);
            using (var parentFd = OpenDirectory(parent, create: true))
            {
                if (Libc.mkdirat(parentFd.Fd, name, 0x1ED) < 0 && Fs.LastErrno != Errno.EEXIST)
                {
                    throw Fs.Error($"mkdir {relative} in {Path}");
                }
            }
            errno = TryOpenDirectory(relative, out fd);
        }
        return errno == 0 ? fd! : throw new StorageException($"open directory {relative} in {Path}", errno);
    }

    /// <summary>A path naming <paramref name="name"/> inside the directory <paramref name="dir"/>, for calls with no *at form.</summary>
    public static string ProcPath(FileDescriptor dir, string name) => $"{dir.ProcPath}/{name}";

    private int WalkWithoutSymlinks(string relative, out FileDescriptor? fd)
    {
        fd = null;
        FileDescriptor current = Fs.OpenAt(Root.Fd, ".", DirectoryFlags);
        foreach (string component in relative.Split('/'))
        {
            int next = Libc.openat(current.Fd, component, DirectoryFlags | Fs.O_NOFOLLOW | Fs.O_CLOEXEC, 0);
            int errno = Fs.LastErrno;
            current.Dispose();
            if (next < 0)
            {
                return errno;
            }
            current = new FileDescriptor(next);
        }
        fd = current;
        return 0;
    }

    public void Dispose() => Root.Dispose();
}
