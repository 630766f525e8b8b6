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

    public void ApplyBootstrap(int pid) { }

    public void Set(Resources resources) { }

    public IReadOnlyList<int> GetPids() => [];

    public void Destroy() { }
}
