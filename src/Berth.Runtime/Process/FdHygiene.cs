using Berth.Runtime.Interop;

namespace Berth.Runtime.Process;

/// <summary>
/// No host descriptor may reach the container's process (the CVE-2024-21626 class): every fd from
/// 3 + --preserve-fds up is marked close-on-exec before execve.
/// </summary>
internal static class FdHygiene
{
    private const uint CLOSE_RANGE_CLOEXEC = 4;

    internal static void CloseOnExecFrom(int first)
    {
        // One call on Linux 5.11+: close_range(first, ~0, CLOSE_RANGE_CLOEXEC). Else list /proc/self/fd.
        if (Libc.syscall(SyscallNumbers.CloseRange, first, uint.MaxValue, CLOSE_RANGE_CLOEXEC, 0, 0) == 0)
        {
            Tracing.Trace.Step($"mark every fd from {first} close-on-exec (close_range)");
            return;
        }
        var fds = new List<int>();
        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out int fd) && fd >= first) fds.Add(fd);
        }
        foreach (int fd in fds)
        {
            try
            {
                Sys.SetCloexec(fd, true);
            }
            catch (SyscallException)
            {
                // The directory listing's own fd is already closed: nothing to do.
            }
        }
        Tracing.Trace.Step($"mark every fd from {first} close-on-exec ({fds.Count} open)");
    }
}
