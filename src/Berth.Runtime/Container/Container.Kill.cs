using Berth.Cgroups;
using Berth.Oci;
using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`kill [--all] ID SIGNAL`: to the init, or with --all to every process in the container's cgroup.</summary>
    public void Kill(int signal, bool all)
    {
        if (Status == "stopped")
        {
            throw new BerthException($"container \"{Id}\" is not running");
        }
        if (!all)
        {
            Trace.Step($"kill -{signal} {State.Pid} (the container's init)");
            Sys.Kill(State.Pid, signal);
            return;
        }
        foreach (int pid in CgroupPids())
        {
            Trace.Step($"kill -{signal} {pid}");
            Sys.Kill(pid, signal);
        }
    }

    private IReadOnlyList<int> CgroupPids()
    {
        return Cgroup().GetPids();
    }
}
