using Berth.Oci;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// OCI action names as the 32-bit values a seccomp filter returns (SECCOMP_RET_* in linux/seccomp.h,
/// the same numbers libseccomp's SCMP_ACT_* use). The low 16 bits carry data: the errno for ERRNO, the
/// message for TRACE. As in runc, SCMP_ACT_KILL kills the thread, and ERRNO and TRACE without an
/// errnoRet use EPERM.
/// </summary>
public static class SeccompActions
{
    public const uint KillProcess = 0x80000000, KillThread = 0x00000000, Trap = 0x00030000;
    public const uint Errno = 0x00050000, Trace = 0x7ff00000, Log = 0x7ffc0000, Allow = 0x7fff0000;
    public const uint Notify = 0x7fc00000;
    private const uint EPERM = 1;

    /// <summary>The filter return value for <paramref name="name"/>; <paramref name="field"/> names it in errors.</summary>
    public static uint Encode(string name, uint? errnoRet, string field) => name switch
    {
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => KillThread,
        "SCMP_ACT_KILL_PROCESS" => KillProcess,
        "SCMP_ACT_TRAP" => Trap,
        "SCMP_ACT_ERRNO" => Errno | ((errnoRet ?? EPERM) & 0xffff),
        "SCMP_ACT_TRACE" => Trace | ((errnoRet ?? EPERM) & 0xffff),
        "SCMP_ACT_LOG" => Log,
        "SCMP_ACT_ALLOW" => Allow,
        "SCMP_ACT_NOTIFY" => Notify,
        _ => throw new InvalidSpecException($"{field}: unknown action '{name}'"),
    };

    /// <summary>Actions that let the syscall run (runc adds no -ENOSYS stub in front of a permissive default).</summary>
    public static bool IsPermissive(uint action) => (action & 0xffff0000) is Allow or Log or Trace;

    /// <summary>"SCMP_ACT_ERRNO(EPERM)", for traces.</summary>
    public static string Describe(uint action) => (action & 0xffff0000) switch
    {
        KillProcess => "SCMP_ACT_KILL_PROCESS",
        KillThread => "SCMP_ACT_KILL_THREAD",
        Trap => "SCMP_ACT_TRAP",
        Errno => $"SCMP_ACT_ERRNO({Interop.SyscallException.Name((int)(action & 0xffff))})",
        Trace => $"SCMP_ACT_TRACE({action & 0xffff})",
        Log => "SCMP_ACT_LOG",
        Allow => "SCMP_ACT_ALLOW",
        Notify => "SCMP_ACT_NOTIFY",
        _ => $"0x{action:x8}",
    };
}
