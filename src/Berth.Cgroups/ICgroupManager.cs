using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups;

/// <summary>Which cgroup layout the host has.</summary>
public enum CgroupMode
{
    /// <summary>Only v1 controller hierarchies (/sys/fs/cgroup/&lt;controller&gt;).</summary>
    V1,
    /// <summary>v1 controllers plus a controller-less cgroup2 at /sys/fs/cgroup/unified (systemd "hybrid").</summary>
    Hybrid,
    /// <summary>A single cgroup2 hierarchy at /sys/fs/cgroup (most hosts today).</summary>
    V2,
}

/// <summary>
/// One container's cgroup, in whatever layout the host has. All paths are resolved against the roots
/// detected (or injected for tests), never hard-coded, so a temp directory can stand in for /sys/fs/cgroup.
/// </summary>
public interface ICgroupManager
{
    CgroupMode Mode { get; }

    /// <summary>Absolute directory per hierarchy: controller name (v1) or "" (the v2/unified hierarchy) → path.</summary>
    IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>Creates the cgroup directories (and, on v2, enables the controllers needed in the parents). Idempotent.</summary>
    void Create();

    /// <summary>Moves a process into the cgroup in every hierarchy (writes cgroup.procs).</summary>
    void Apply(int pid);

    /// <summary>
    /// The v1 "tasks" files a single-threaded process (the runtime's bootstrap, in nsexec.c, before it clones)
    /// writes "0" into to put itself in the cgroup. Moving oneself, one thread, is the one migration for which
    /// the kernel skips the global cgroup_threadgroup_rwsem write lock and the RCU grace period it costs
    /// (5-15 ms measured here, for "cgroup.procs" and for another pid's "tasks" alike). The cgroup2 hierarchy
    /// (Paths[""]: v2, or the unified one of a hybrid host) is not listed: the child is cloned straight into
    /// it with clone3(CLONE_INTO_CGROUP).
    /// </summary>
    IReadOnlyList<string> SelfJoinTaskFiles();

    /// <summary>
    /// Writes linux.resources (all but devices). Only the fields present are written, so on a live cgroup this is
    /// <c>runc update</c>: fields left out keep their value, and memory and swap are written in the order the kernel
    /// accepts. Values the host cannot take throw <see cref="CgroupException"/> naming the file and what to do.
    /// </summary>
    void Set(Resources resources);

    /// <summary>
    /// Stops every process of the cgroup (<c>pause</c>) and returns once the kernel reports them frozen: v1
    /// freezer.state FROZEN (retried while FREEZING, as runc does), v2 cgroup.freeze 1 then cgroup.events "frozen 1".
    /// Throws <see cref="CgroupException"/> when the host has no freezer or the freeze does not complete.
    /// </summary>
    void Freeze();

    /// <summary>Lets the processes run again (<c>resume</c>): v1 freezer.state THAWED, v2 cgroup.freeze 0.</summary>
    void Thaw();

    /// <summary>Frozen, Thawed, or Undefined when the host has no freezer for this cgroup (or the cgroup is gone).</summary>
    FreezerState GetFreezerState();

    /// <summary>
    /// Reads the counters for <c>events --stats</c>: CPU, cpuset, memory (with OOM kills), pids, block I/O and
    /// hugetlb, shaped like runc's stats. Controllers the host lacks read as zero.
    /// </summary>
    CgroupStats GetStats();

    /// <summary>How many processes of the cgroup the OOM killer killed so far (v1 memory.oom_control, v2 memory.events
    /// "oom_kill"); 0 without the memory controller. <c>events</c> polls it to report "oom" events.</summary>
    ulong GetOomKillCount();

    /// <summary>PIDs in the cgroup (and its descendants), from the pids/memory hierarchy on v1 or the v2 one.</summary>
    IReadOnlyList<int> GetPids();

    /// <summary>Removes the cgroup directories (deepest first); missing directories are fine. Processes must be gone.</summary>
    void Destroy();
}
