using Berth.Cgroups;
using Berth.Engine.Interop;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// The container's cgroup (/PARENT/ID in every hierarchy), when the runtime did not remove it: its state went with a
    /// lost /run (a reboot, or RUNROOT wiped) so its `delete` knows nothing. Any process still in it is killed first
    /// (SIGKILL; it has no monitor any more), then the directories go (rmdir retries while the kernel lets them exit).
    /// </summary>
    private void RemoveLeftoverCgroup(string id)
    {
        try
        {
            var cgroup = CgroupManagerFactory.Create(CgroupHost.Detect(), Paths.CgroupsPath(id), id, trace: null);
            foreach (int pid in cgroup.GetPids()) Spawn.kill(pid, 9);
            cgroup.Destroy();
        }
        catch (Exception e) when (e is CgroupException or IOException or UnauthorizedAccessException)
        {
            // best effort: `ps` must still answer; a cgroup that cannot go is left for the next rm
        }
    }
}
