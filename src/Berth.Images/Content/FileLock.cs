using System.Runtime.InteropServices;
using Berth.Images.Interop;

namespace Berth.Images.Content;

/// <summary>
/// An advisory lock on a file with flock(2): shared (many holders) or exclusive (one). It belongs to the
/// open file, so it is released when this object is disposed or the process dies — a crashed pull never
/// leaves the store locked. Waiting polls with LOCK_NB so an async caller does not block a pool thread.
/// </summary>
public sealed class FileLock : IDisposable
{
    private int _fd;

    private FileLock(int fd) => _fd = fd;

    public static async Task<FileLock> AcquireAsync(string path, bool exclusive, CancellationToken cancellationToken)
    {
        int fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0x180);
        if (fd < 0) throw Error("open lock file", path);
        int op = (exclusive ? Libc.LOCK_EX : Libc.LOCK_SH) | Libc.LOCK_NB;
        try
        {
            while (Libc.Flock(fd, op) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != Libc.EWOULDBLOCK && errno != Libc.EINTR) throw Error("flock", path);
                await Task.Delay(20, cancellationToken);
            }
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
        return new FileLock(fd);
    }

    public static FileLock Acquire(string path, bool exclusive) =>
        AcquireAsync(path, exclusive, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) Libc.Close(fd);
    }

    private static IOException Error(string operation, string path)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{operation} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    /// <summary>fsync(2) of a directory, so a rename into it survives a crash.</summary>
    public static void SyncDirectory(string path)
    {
        int fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (fd < 0) throw Error("open directory", path);
        try
        {
            if (Libc.Fsync(fd) != 0) throw Error("fsync", path);
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}
