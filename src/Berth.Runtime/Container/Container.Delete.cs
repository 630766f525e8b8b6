using Berth.Cgroups;
using Berth.Oci;
using Berth.Runtime.Hooks;
using Berth.Runtime.Interop;
using Berth.Runtime.Process;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>
    /// `delete [--force]`: a stopped or created container is removed (cgroup, state, poststop hooks);
    /// a running one only with --force, which SIGKILLs every process in it first.
    /// </summary>
    public void Delete(bool force)
    {
        string status = Status;
        if (status is "running" or "paused" && !force)
        {
            throw new BerthException($"cannot delete container \"{Id}\" that is not stopped: {status} (use --force)");
        }
        if (status != "stopped")
        {
            KillEverything(thaw: status == "paused");
        }
        else
        {
            // The init is gone; without a pid namespace its children may not be.
            foreach (int pid in CgroupPids()) Sys.Kill(pid, Sys.SIGKILL);
        }
        DestroyCgroup(Cgroup());
        var spec = SavedSpec();
        _store.Remove(Id);
        try
        {
            HookRunner.Run("poststop", spec?.Hooks?.Poststop, OciState("stopped"));
        }
        catch (BerthException e)
        {
            Console.Error.WriteLine($"berth-runtime: warning: {e.Message}");
        }
    }

    private void KillEverything(bool thaw)
    {
        Trace.Step($"kill -9 {State.Pid} and every process in the container's cgroup");
        Sys.Kill(State.Pid, Sys.SIGKILL);
        foreach (int pid in CgroupPids()) Sys.Kill(pid, Sys.SIGKILL);
        // A frozen process only acts on its pending SIGKILL once thawed.
        if (thaw) Cgroup().Thaw();
        if (!ProcessWait.WaitGone(State.Pid, State.PidStartTime, 5000))
        {
            throw new BerthException($"container \"{Id}\": init pid {State.Pid} did not exit after SIGKILL");
        }
        // Our own child when `run` created it: reap it so no zombie stays.
        Sys.WaitPid(State.Pid, 1 /* WNOHANG */, out _);
    }

    /// <summary>
    /// Removes the cgroup. Processes killed (or exited) a moment ago can keep it busy (EBUSY) for a short
    /// while: retry, first without sleeping (usually a few hundred microseconds is enough), then every
    /// millisecond, for up to half a second.
    /// </summary>
    private static void DestroyCgroup(ICgroupManager manager)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                manager.Destroy();
                return;
            }
            catch (CgroupException) when (System.Diagnostics.Stopwatch.GetElapsedTime(start) < TimeSpan.FromMilliseconds(500))
            {
                if (attempt < 50) Thread.Yield();
                else Thread.Sleep(1);
            }
        }
    }
}
