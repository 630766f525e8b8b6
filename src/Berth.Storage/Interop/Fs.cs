using System.Runtime.InteropServices;
using System.Text;

namespace Berth.Storage.Interop;

/// <summary>Checked wrappers over <see cref="Libc"/>: a failing call throws <see cref="StorageException"/> naming what it did.</summary>
internal static unsafe partial class Fs
{
    internal const int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200;
    internal const int O_DIRECTORY = 0x10000, O_NOFOLLOW = 0x20000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    internal const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EMPTY_PATH = 0x1000;
    internal const ulong RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_NO_SYMLINKS = 0x04, RESOLVE_IN_ROOT = 0x10;
    internal const int MNT_DETACH = 2;
    private const long SYS_openat2 = 437;

    internal static int LastErrno => Marshal.GetLastPInvokeError();

    internal static StorageException Error(string operation) => new(operation, LastErrno);

    internal static void Check(int result, string operation)
    {
        if (result < 0)
        {
            throw Error(operation);
        }
    }

    internal static FileDescriptor Open(string path, int flags, uint mode = 0) => OpenAt(AT_FDCWD, path, flags, mode);

    internal static FileDescriptor OpenAt(int dirfd, string path, int flags, uint mode = 0)
    {
        int fd = Libc.openat(dirfd, path, flags | O_CLOEXEC, mode);
        if (fd < 0)
        {
            throw Error($"open {path}");
        }
        return new FileDescriptor(fd);
    }

    /// <summary>openat2(2); returns -errno instead of throwing so callers can fall back on ENOSYS.</summary>
    internal static int TryOpenAt2(int dirfd, string path, int flags, ulong resolve, out FileDescriptor? fd)
    {
        var how = new OpenHow { Flags = (ulong)(flags | O_CLOEXEC), Mode = 0, Resolve = resolve };
        long result = Libc.syscall(SYS_openat2, dirfd, path, &how, (nuint)sizeof(OpenHow));
        fd = result >= 0 ? new FileDescriptor((int)result) : null;
        return result >= 0 ? 0 : -LastErrno;
    }

    /// <summary>lstat-like statx at dirfd/path; null when the file does not exist.</summary>
    internal static FileStat? TryStat(int dirfd, string path)
    {
        byte* buffer = stackalloc byte[256];
        const uint STATX_BASIC_STATS = 0x7ff;
        int flags = AT_SYMLINK_NOFOLLOW | (path.Length == 0 ? AT_EMPTY_PATH : 0);
        if (Libc.statx(dirfd, path, flags, STATX_BASIC_STATS, buffer) < 0)
        {
            int errno = LastErrno;
            return errno is Errno.ENOENT or Errno.ENOTDIR ? null : throw new StorageException($"statx {path}", errno);
        }
        return FileStat.FromStatx(buffer);
    }

    internal static FileStat Stat(int dirfd, string path) =>
        TryStat(dirfd, path) ?? throw new StorageException($"statx {path}", Errno.ENOENT);

    internal static string ReadLinkAt(int dirfd, string path)
    {
        byte* buffer = stackalloc byte[4096];
        nint length = Libc.readlinkat(dirfd, path, buffer, 4096);
        if (length < 0)
        {
            throw Error($"readlink {path}");
        }
        return Encoding.UTF8.GetString(buffer, (int)length);
    }

    internal static void WriteAll(FileDescriptor fd, ReadOnlySpan<byte> data, string path)
    {
        fixed (byte* start = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint written = Libc.write(fd.Fd, start + done, (nuint)(data.Length - done));
                if (written < 0 && LastErrno != Errno.EINTR)
                {
                    throw Error($"write {path}");
                }
                done += (int)Math.Max(written, 0);
            }
        }
    }
}
