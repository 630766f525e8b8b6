using System.Runtime.InteropServices;

namespace Berth.Engine.Interop;

/// <summary>statx(2), for the device number, mode and owner of host device nodes (--privileged).</summary>
internal static unsafe partial class Stat
{
    private const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100;
    private const uint STATX_BASIC_STATS = 0x7ff;

    /// <summary>A file's mode (type and permissions), owner and device number (rdev), not following a final symlink; null on error.</summary>
    public static (uint Mode, uint Uid, uint Gid, uint Major, uint Minor)? Lstat(string path)
    {
        byte* b = stackalloc byte[256];
        if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, b) < 0) return null;
        return (*(ushort*)(b + 28), *(uint*)(b + 20), *(uint*)(b + 24), *(uint*)(b + 128), *(uint*)(b + 132));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* statxbuf);
}
