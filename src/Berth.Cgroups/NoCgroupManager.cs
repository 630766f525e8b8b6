using Berth.Oci.Spec;

namespace Berth.Cgroups;

/// <summary>
/// A rootless container without a cgroup it may write to: nothing is created, joined or limited. The
/// runtime says so once (a warning when linux.resources asked for limits); everything else still works.
/// </summary>
public sealed class NoCgroupManager : ICgroupManager
{
    public NoCgroupManager(CgroupMode mode) => Mode = mode;

    public CgroupMode Mode { get; }

    public IReadOnlyDictionary<string, string> Paths { get; } = new Dictionary<string, string>();

    public void Create() { }

    public void Apply(int pid) { }

    public IReadOnlyList<string> SelfJoinTaskFiles() => [];

    public void Set(Resources resources) { }

    public IReadOnlyList<int> GetPids() => [];

    public void Destroy() { }

    /// <summary>Pausing needs a freezer, which needs a cgroup.</summary>
    public void Freeze() =>
        throw new CgroupException("pause: this container has no cgroup (rootless without a delegated cgroup), so it cannot be frozen");

    public void Thaw() =>
        throw new CgroupException("resume: this container has no cgroup (rootless without a delegated cgroup)");

    public FreezerState GetFreezerState() => FreezerState.Undefined;

    public Stats.CgroupStats GetStats() => new();

    public ulong GetOomKillCount() => 0;
}
