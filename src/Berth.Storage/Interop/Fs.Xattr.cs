using System.Text;

namespace Berth.Storage.Interop;

internal static unsafe partial class Fs
{
    /// <summary>lsetxattr(2); returns 0 or the errno so callers can decide which failures to tolerate.</summary>
    internal static int TrySetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* data = value)
        {
            return Libc.lsetxattr(path, name, data, (nuint)value.Length, 0) < 0 ? LastErrno : 0;
        }
    }

    /// <summary>lgetxattr(2); null when the attribute is absent or the file system has no xattrs.</summary>
    internal static byte[]? TryGetXattr(string path, string name)
    {
        byte* buffer = stackalloc byte[65536];
        nint length = Libc.lgetxattr(path, name, buffer, 65536);
        if (length < 0)
        {
            int errno = LastErrno;
            return errno is Errno.ENODATA or Errno.EOPNOTSUPP ? null : throw new StorageException($"getxattr {name} on {path}", errno);
        }
        return new ReadOnlySpan<byte>(buffer, (int)length).ToArray();
    }

    /// <summary>llistxattr(2): the attribute names on a file (not following a final symlink).</summary>
    internal static IReadOnlyList<string> ListXattrs(string path)
    {
        byte* buffer = stackalloc byte[65536];
        nint length = Libc.llistxattr(path, buffer, 65536);
        if (length < 0)
        {
            return LastErrno == Errno.EOPNOTSUPP ? [] : throw Error($"listxattr {path}");
        }
        string all = Encoding.UTF8.GetString(buffer, (int)length);
        return all.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
