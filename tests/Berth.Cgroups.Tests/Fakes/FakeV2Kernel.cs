namespace Berth.Cgroups.Tests.Fakes;

/// <summary>
/// A cgroup2 hierarchy: a new cgroup's cgroup.controllers is its parent's cgroup.subtree_control, and it gets
/// the files of exactly those controllers; "+x" in cgroup.subtree_control must name an available controller.
/// </summary>
internal sealed class FakeV2Kernel : FakeCgroupFs
{
    private const int ENOENT = 2;
    private const int EINVAL = 22;
    private static readonly string[] s_kernelOrder = ["cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"];

    public FakeV2Kernel(string rootControllers = "cpuset cpu io memory pids", bool swapAccounting = true)
    {
        SwapAccounting = swapAccounting;
        File.WriteAllText(Path.Join(Root, "cgroup.controllers"), rootControllers + "\n");
        File.WriteAllText(Path.Join(Root, "cgroup.subtree_control"), "");
        File.WriteAllText(Path.Join(Root, "cgroup.procs"), "");
    }

    public bool SwapAccounting { get; }

    /// <summary>Controllers the kernel refuses to enable (EINVAL), as it does for cpu while a real-time task runs in the root.</summary>
    public HashSet<string> Refused { get; } = [];

    public CgroupHost Host => CgroupHost.ForV2(Root);

    protected override IEnumerable<(string File, string Content)> FilesFor(string directory)
    {
        string enabled = File.ReadAllText(Path.Join(Path.GetDirectoryName(directory)!, "cgroup.subtree_control")).Trim();
        yield return ("cgroup.controllers", enabled);
        yield return ("cgroup.subtree_control", "");
        yield return ("cgroup.procs", "");
        foreach (string controller in enabled.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var file in ControllerFiles(controller))
            {
                yield return file;
            }
        }
    }

    private IEnumerable<(string, string)> ControllerFiles(string controller) => controller switch
    {
        "cpu" => [("cpu.weight", "100"), ("cpu.max", "max 100000"), ("cpu.max.burst", "0"), ("cpu.idle", "0")],
        "memory" => SwapAccounting
            ? [("memory.max", "max"), ("memory.low", "0"), ("memory.high", "max"), ("memory.swap.max", "max")]
            : [("memory.max", "max"), ("memory.low", "0"), ("memory.high", "max")],
        "pids" => [("pids.max", "max")],
        "cpuset" => [("cpuset.cpus", ""), ("cpuset.mems", "")],
        "io" => [("io.weight", "default 100"), ("io.max", "")],
        _ => [],
    };

    protected override void WriteFile(string path, string value)
    {
        if (Path.GetFileName(path) == "cgroup.subtree_control")
        {
            WriteSubtreeControl(path, value);
            return;
        }
        base.WriteFile(path, value);
    }

    private void WriteSubtreeControl(string path, string value)
    {
        string directory = Path.GetDirectoryName(path)!;
        var available = File.ReadAllText(Path.Join(directory, "cgroup.controllers")).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var enabled = File.ReadAllText(path).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (string token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = token[1..];
            if (!available.Contains(name))
            {
                throw Errno(ENOENT, "No such file or directory");
            }
            if (Refused.Contains(name))
            {
                throw Errno(EINVAL, "Invalid argument");
            }
            if (token[0] == '+') { enabled.Add(name); } else { enabled.Remove(name); }
        }
        File.WriteAllText(path, string.Join(' ', s_kernelOrder.Where(enabled.Contains)));
    }
}
