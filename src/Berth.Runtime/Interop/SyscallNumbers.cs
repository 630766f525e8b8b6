using System.Runtime.InteropServices;

namespace Berth.Runtime.Interop;

/// <summary>Raw syscall numbers for calls glibc 2.36 does not wrap, per architecture.</summary>
internal static class SyscallNumbers
{
    private static readonly bool Arm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    internal static long Capget => Arm64 ? 90 : 125;
    internal static long PivotRoot => Arm64 ? 41 : 155;
    /// <summary>close_range(2), Linux 5.9 (CLOSE_RANGE_CLOEXEC: 5.11); the same number everywhere.</summary>
    internal const long CloseRange = 436;
    internal static long Capset => Arm64 ? 91 : 126;
    internal const long PidfdOpen = 434;
    /// <summary>The raw calls change only the calling thread's credentials (glibc's wrappers signal every thread).</summary>
    internal static long Setgroups => Arm64 ? 159 : 116;
    internal static long Setresuid => Arm64 ? 147 : 117;
    internal static long Setresgid => Arm64 ? 149 : 119;
    /// <summary>open_tree(2) and mount_setattr(2): the same number on every architecture (added after the unification).</summary>
    internal const long OpenTree = 428;
    internal const long MountSetattr = 442;
}
