using System.Runtime.InteropServices;

namespace Berth.Runtime.Interop;

/// <summary>
/// libseccomp (Debian libseccomp2), loaded on first use with dlopen, so that berth-runtime starts without
/// it and only containers with "linux.seccomp" need it. Only the runtime process calls it: the filter is
/// exported as raw BPF and the container's init loads those bytes with the seccomp(2) syscall.
/// Functions return 0 or a negative errno (they do not set errno).
/// </summary>
internal static unsafe partial class LibSeccomp
{
    internal const string Lib = "libseccomp.so.2";

    /// <summary>SCMP_FLTATR_CTL_OPTIMIZE: 2 = a binary tree of syscall numbers instead of a linear list.</summary>
    internal const int AttrOptimize = 8;

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint seccomp_init(uint defaultAction);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial void seccomp_release(nint ctx);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int seccomp_arch_add(nint ctx, uint archToken);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial uint seccomp_arch_native();

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint seccomp_arch_resolve_name(string name);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int seccomp_attr_set(nint ctx, int attribute, uint value);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int seccomp_syscall_resolve_name(string name);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int seccomp_syscall_resolve_name_arch(uint archToken, string name);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int seccomp_rule_add_array(nint ctx, uint action, int syscall, uint argCount, ScmpArgCmp* args);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int seccomp_export_bpf(nint ctx, int fd);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial ScmpVersion* seccomp_version();
}

/// <summary>struct scmp_arg_cmp: argument <see cref="Arg"/> compared with <see cref="Op"/> (enum scmp_compare).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScmpArgCmp
{
    public uint Arg;
    public int Op;
    public ulong DatumA;
    public ulong DatumB;
}

/// <summary>struct scmp_version.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScmpVersion
{
    public uint Major;
    public uint Minor;
    public uint Micro;
}

/// <summary>struct sock_fprog: the program's length in instructions and a pointer to them.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SockFprog
{
    public ushort Len;
    public byte* Filter;
}

/// <summary>The seccomp(2) syscall itself (glibc 2.36 has no wrapper) and memfd_create for the exported program.</summary>
internal static unsafe partial class Libc
{
    internal const int SECCOMP_SET_MODE_FILTER = 1;

    internal static long SysSeccomp => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 277 : 317;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial long lseek(int fd, long offset, int whence);
}
