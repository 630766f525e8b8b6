using Berth.Oci;
using Berth.Runtime.Interop;

namespace Berth.Runtime.Process;

/// <summary>Waiting for processes: our children with an optional timeout (pidfd + poll), and any process by pid.</summary>
internal static unsafe class ProcessWait
{
    private const short POLLIN = 1;

    /// <summary>Waits for a child; after <paramref name="timeoutSeconds"/> kills it and throws.</summary>
    internal static int WaitWithTimeout(int pid, int? timeoutSeconds, string what)
    {
        if (timeoutSeconds is int seconds && seconds > 0)
        {
            int pidfd = (int)Libc.syscall(SyscallNumbers.PidfdOpen, pid, 0, 0, 0, 0);
            if (pidfd >= 0)
            {
                var p = new PollFd { Fd = pidfd, Events = POLLIN };
                int ready = Libc.poll(&p, 1, seconds * 1000);
                Sys.Close(pidfd);
                if (ready == 0)
                {
                    Sys.Kill(pid, Sys.SIGKILL);
                    Sys.WaitPid(pid, 0, out _);
                    throw new BerthException($"{what} timed out after {seconds}s and was killed");
                }
            }
        }
        Sys.WaitPid(pid, 0, out int status);
        return status;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a process that may not be our child to be gone (or a zombie).</summary>
    internal static bool WaitGone(int pid, ulong startTime, int timeoutMs)
    {
        int pidfd = (int)Libc.syscall(SyscallNumbers.PidfdOpen, pid, 0, 0, 0, 0);
        if (pidfd < 0) return !ProcStat.IsAlive(pid, startTime);
        try
        {
            var p = new PollFd { Fd = pidfd, Events = POLLIN };
            return Libc.poll(&p, 1, timeoutMs) > 0 || !ProcStat.IsAlive(pid, startTime);
        }
        finally
        {
            Sys.Close(pidfd);
        }
    }
}
