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
        Cgroup().Destroy(); // retries while the kernel still says busy (CgroupTree)
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
}
