using System.Globalization;
using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// A container's cgroup on the unified (cgroup2) hierarchy: one directory, whose ancestors get the needed
/// controllers enabled in cgroup.subtree_control on <see cref="Create"/>. The root is injected.
/// </summary>
public sealed class V2CgroupManager : ICgroupManager
{
    private readonly string _root;
    private readonly IReadOnlyList<string> _levels;
    private readonly CgroupFs _fs;

    internal V2CgroupManager(string root, string relative, CgroupFs fs)
    {
        _root = root;
        _levels = CgroupTree.Levels(root, relative);
        _fs = fs;
        Directory = _levels[^1];
        Paths = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = Directory };
    }

    public CgroupMode Mode => CgroupMode.V2;

    public IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>The container's cgroup directory.</summary>
    public string Directory { get; }

    /// <summary>Walking from the root down, enables controllers in each ancestor, then creates the next level.</summary>
    public void Create()
    {
        string parent = _root;
        foreach (string level in _levels)
        {
            SubtreeControl.Enable(_fs, parent);
            _fs.MakeDirectory(level);
            parent = level;
        }
    }

    /// <summary>None: the init is cloned straight into <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> SelfJoinTaskFiles() => [];

    public void Apply(int pid) =>
        _fs.Write(Path.Join(Directory, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Writes every field present, in runc's order (pids, memory, io, cpu, cpuset, hugetlb, rdma, then unified so its
    /// keys win); fields left out keep their current value, so this is also <c>update</c>.
    /// </summary>
    public void Set(Resources resources)
    {
        var files = Files;
        V2Pids.Set(files, resources.Pids);
        V2Memory.Set(files, resources.Memory);
        V2Io.Set(files, resources.BlockIO);
        V2Cpu.Set(files, resources.Cpu);
        V2Cpuset.Set(files, resources.Cpu);
        V2Hugetlb.Set(files, resources.HugepageLimits);
        V2Rdma.Set(files, resources.Rdma);
        V2Network.Set(files, resources.Network);
        V2Unified.Set(files, resources.Unified);
        Devices.V2Devices.Set(files, resources.Devices);
    }

    public void Freeze() => V2Freezer.Set(Files, frozen: true);

    public void Thaw() => V2Freezer.Set(Files, frozen: false);

    public FreezerState GetFreezerState() =>
        _fs.DirectoryExists(Directory) ? V2Freezer.GetState(Files) : FreezerState.Undefined;

    public CgroupStats GetStats() => V2Stats.Read(new StatFiles(_fs, Directory));

    public ulong GetOomKillCount() => V2Stats.OomKills(new StatFiles(_fs, Directory));

    /// <summary>cgroup.procs of the cgroup and every descendant.</summary>
    public IReadOnlyList<int> GetPids() => CgroupTree.ReadPids(_fs, Directory);

    public void Destroy() => CgroupTree.Remove(_fs, Directory);

    private V2Files Files => new(_fs, Directory);
}
