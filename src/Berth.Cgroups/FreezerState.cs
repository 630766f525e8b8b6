namespace Berth.Cgroups;

/// <summary>
/// Whether the cgroup's processes are stopped by the freezer (what <c>pause</c>/<c>resume</c> toggle). Frozen tasks
/// are not scheduled at all, not even to handle SIGKILL, until thawed.
/// </summary>
public enum FreezerState
{
    /// <summary>The host has no freezer for this cgroup (v1 without a freezer hierarchy, v2 before kernel 5.2, or no cgroup).</summary>
    Undefined,
    /// <summary>v1 freezer.state THAWED (or frozen only through an ancestor), v2 cgroup.freeze 0.</summary>
    Thawed,
    /// <summary>v1 freezer.state FROZEN set on this cgroup, v2 cgroup.freeze 1 with cgroup.events "frozen 1".</summary>
    Frozen,
}
