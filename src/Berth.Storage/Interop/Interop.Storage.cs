using System.Runtime.InteropServices;

namespace Berth.Storage.Interop;

/// <summary>
/// Every libc call Berth.Storage makes, declared once. Callers go through <see cref="Fs"/>, which turns a failure
/// into a <see cref="StorageException"/> naming the operation, the path and errno.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int openat(int dirfd, string path, int flags, uint mode);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mkdirat(int dirfd, string path, uint mode);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mknodat(int dirfd, string path, uint mode, ulong dev);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int symlinkat(string target, int newdirfd, string linkpath);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int linkat(int olddirfd, string oldpath, int newdirfd, string newpath, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int unlinkat(int dirfd, string path, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int renameat(int olddirfd, string oldpath, int newdirfd, string newpath);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fchownat(int dirfd, string path, int owner, int group, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int fchmodat(int dirfd, string path, uint mode, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int utimensat(int dirfd, string path, Timespec* times, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int lsetxattr(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint lgetxattr(string path, string name, byte* value, nuint size);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint llistxattr(string path, byte* list, nuint size);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint readlinkat(int dirfd, string path, byte* buf, nuint size);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int statx(int dirfd, string path, int flags, uint mask, byte* statxbuf);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mount(string source, string target, string fstype, ulong flags, string? data);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int umount2(string target, int flags);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint write(int fd, byte* buf, nuint count);

    /// <summary>openat2(2) has no glibc wrapper in Debian 12: called by number (437 on x86_64 and arm64).</summary>
    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial long syscall(long number, int dirfd, string path, OpenHow* how, nuint size);

    [LibraryImport(Lib)]
    internal static partial uint geteuid();
}

/// <summary>struct timespec (64-bit Linux).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;
}

/// <summary>struct open_how for openat2(2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OpenHow
{
    public ulong Flags;
    public ulong Mode;
    public ulong Resolve;
}
