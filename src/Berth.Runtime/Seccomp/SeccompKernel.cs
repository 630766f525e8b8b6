using System.Runtime.InteropServices;
using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Seccomp;

/// <summary>
/// The kernel side of seccomp: which filter flags this kernel accepts, and installing a filter on the
/// calling thread with seccomp(SECCOMP_SET_MODE_FILTER). Without no_new_privs that needs CAP_SYS_ADMIN,
/// so the init installs it before dropping capabilities; with no_new_privs it is installed in native
/// code right before execve (<see cref="Process.Spawner"/>), so that nothing else runs under it.
/// Without the TSYNC flag a filter applies to the calling thread only: the one that calls execve, which
/// is all that survives the exec. Filters are inherited by children and can never be removed.
/// </summary>
public static unsafe class SeccompKernel
{
    private const int EFAULT = 14;

    /// <summary>
    /// libseccomp's probe: seccomp(SET_MODE_FILTER, flag, NULL) fails with EFAULT (the NULL program) when the
    /// flag is known, EINVAL when it is not. Nothing is installed either way. WAIT_KILLABLE_RECV is only
    /// valid together with NEW_LISTENER, so it is probed with it.
    /// </summary>
    public static bool IsFlagSupported(uint flag)
    {
        if (flag == SeccompFlags.WaitKillableRecv) flag |= SeccompFlags.NewListener;
        long rc = Libc.syscall(Libc.SysSeccomp, Libc.SECCOMP_SET_MODE_FILTER, flag, 0, 0, 0);
        return rc < 0 && Marshal.GetLastPInvokeError() == EFAULT;
    }

    /// <summary>The known flag names this kernel accepts (for `features`).</summary>
    public static List<string> SupportedFlagNames() =>
        Oci.Linux.SeccompNames.Flags.Where(name => IsFlagSupported(SeccompFlags.ToBit(name, "flags"))).ToList();

    /// <summary>
    /// Installs the filter on this thread (all threads with TSYNC); from here on every syscall goes through it.
    /// Returns the listener's fd when the program has NEW_LISTENER, else -1.
    /// </summary>
    public static int Load(SeccompProgram program, string why = "while CAP_SYS_ADMIN is held (no_new_privs is false)")
    {
        Trace.Step($"seccomp: loading filter {why}: {program.Describe()}");
        fixed (byte* filter = program.Filter)
        {
            var fprog = new SockFprog { Len = (ushort)program.InstructionCount, Filter = filter };
            long rc = Libc.syscall(Libc.SysSeccomp, Libc.SECCOMP_SET_MODE_FILTER, program.Flags, (long)&fprog, 0, 0);
            if (rc < 0)
            {
                throw new BerthException($"linux.seccomp: {Sys.Error("seccomp(SECCOMP_SET_MODE_FILTER)").Message}");
            }
            return program.HasListener ? (int)rc : -1;
        }
    }
}
