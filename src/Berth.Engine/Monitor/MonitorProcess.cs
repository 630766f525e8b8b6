using Berth.Engine.Interop;

namespace Berth.Engine.Monitor;

/// <summary>
/// A container's monitor seen from another berth process (not its parent): is it still alive, and wait until
/// it exits. Liveness checks /proc/PID/cmdline for the container id, so a recycled PID is not mistaken for the
/// monitor. Waiting polls a pidfd (pidfd_open(2)), which works for processes that are not our children.
/// </summary>
internal static unsafe class MonitorProcess
{
    public static bool IsAlive(int pid, string containerId)
    {
        if (pid <= 0) return false;
        try
        {
            string cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Contains("berth-monitor", StringComparison.Ordinal) && cmdline.Contains(containerId, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>True when the monitor has exited within <paramref name="timeout"/> (or was already gone).</summary>
    public static bool WaitForExit(int pid, string containerId, TimeSpan timeout)
    {
        if (!IsAlive(pid, containerId)) return true;
        int fd = Spawn.PidfdOpen(pid);
        if (fd < 0) return !IsAlive(pid, containerId);
        try
        {
            var pollFd = new Spawn.PollFd { Fd = fd, Events = Spawn.POLLIN };
            long deadline = Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
            while (true)
            {
                int remaining = timeout == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
                int ready = Spawn.poll(&pollFd, 1, remaining);
                if (ready > 0) return true;
                if (ready == 0) return false;
                if (Spawn.LastErrno != Spawn.EINTR) return !IsAlive(pid, containerId);
            }
        }
        finally
        {
            Spawn.close(fd);
        }
    }
}
