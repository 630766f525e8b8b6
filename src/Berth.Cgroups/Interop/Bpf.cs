using System.Runtime.InteropServices;

namespace Berth.Cgroups.Interop;

/// <summary>
/// The bpf(2) syscall (glibc has no wrapper) and the few libc calls around it: open a cgroup directory for its fd,
/// close fds, raise RLIMIT_MEMLOCK (kernels before 5.11 charge BPF programs to it). Callers check errno through
/// <see cref="Marshal.GetLastPInvokeError"/>; see <see cref="Devices.BpfKernel"/>.
/// </summary>
internal static unsafe partial class Bpf
{
    private const string Lib = "libc";

    // enum bpf_cmd (include/uapi/linux/bpf.h)
    internal const int ProgLoad = 5;
    internal const int ProgAttach = 8;
    internal const int ProgDetach = 9;
    internal const int ProgGetFdById = 13;
    internal const int ProgQuery = 16;

    internal const int ProgTypeCgroupDevice = 15;   // BPF_PROG_TYPE_CGROUP_DEVICE
    internal const int AttachCgroupDevice = 6;      // BPF_CGROUP_DEVICE
    internal const int FlagAllowMulti = 2;          // BPF_F_ALLOW_MULTI
    internal const int FlagReplace = 4;             // BPF_F_REPLACE (Linux 5.6)

    internal const int ODirectory = 0x10000;
    internal const int OCloexec = 0x80000;
    internal const int RlimitMemlock = 8;

    /// <summary>__NR_bpf: 321 on x86_64, 280 on arm64 (asm-generic).</summary>
    internal static long SyscallNumber => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 280 : 321;

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial long syscall(long number, long cmd, void* attr, long size);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags, uint mode);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int setrlimit(int resource, ulong* limits);
}
