using System.Runtime.InteropServices;

namespace Berth.Cgroups.Interop;

/// <summary>statfs(2), for the file system type of /sys/fs/cgroup (how runc and crun tell a pure cgroup v2 host).</summary>
internal static unsafe partial class StatFs
{
    internal const long Cgroup2SuperMagic = 0x63677270;

    /// <summary>The f_type of the file system at <paramref name="path"/>, or 0 when statfs fails.</summary>
    internal static long TypeOf(string path)
    {
        // struct statfs is 120 bytes on 64-bit Linux; f_type (a long) comes first on x86_64 and arm64.
        long* buffer = stackalloc long[32];
        return statfs(path, buffer) == 0 ? buffer[0] : 0;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statfs(string path, long* buffer);
}
