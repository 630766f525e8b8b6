namespace Berth.Cgroups.Tests.Fakes;

/// <summary>
/// A cgroup2 hierarchy: a new cgroup's cgroup.controllers is its parent's cgroup.subtree_control, and it gets
/// the files of exactly those controllers (plus the core files every cgroup has: cgroup.freeze, cgroup.events,
/// cpu.stat, the pressure files); "+x" in cgroup.subtree_control must name an available controller. Writing 1 to
/// cgroup.freeze shows "frozen 1" in cgroup.events at once, unless <see cref="FreezeNeverCompletes"/>.
/// </summary>
internal sealed class FakeV2Kernel : FakeCgroupFs
{
    private const int ENOENT = 2;
    private const int EINVAL = 22;
    private static readonly string[] s_kernelOrder = ["cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"];

    public FakeV2Kernel(string rootControllers = "cpuset cpu io memory pids", bool swapAccounting = true, string? bfqWeight = null)
    {
        SwapAccounting = swapAccounting;
        BfqWeight = bfqWeight;
        File.WriteAllText(Path.Join(Root, "cgroup.controllers"), rootControllers + "\n");
        File.WriteAllText(Path.Join(Root, "cgroup.subtree_control"), "");
        File.WriteAllText(Path.Join(Root, "cgroup.procs"), "");
    }

    public bool SwapAccounting { get; }

    /// <summary>Content of io.bfq.weight in new cgroups ("default 100" since Linux 5.4, "100" before); null: no BFQ.</summary>
    public string? BfqWeight { get; }

    /// <summary>cgroup.events never reports "frozen 1" (a task stuck in an uninterruptible sleep on a slow device).</summary>
    public bool FreezeNeverCompletes { get; set; }

    /// <summary>Controllers the kernel refuses to enable (EINVAL), as it does for cpu while a real-time task runs in the root.</summary>
    public HashSet<string> Refused { get; } = [];

    public CgroupHost Host => CgroupHost.ForV2(Root);

    protected override IEnumerable<(string File, string Content)> FilesFor(string directory)
    {
        string enabled = File.ReadAllText(Path.Join(Path.GetDirectoryName(directory)!, "cgroup.subtree_control")).Trim();
        yield return ("cgroup.controllers", enabled);
        yield return ("cgroup.subtree_control", "");
        yield return ("cgroup.procs", "");
        yield return ("cgroup.freeze", "0\n");
        yield return ("cgroup.events", "populated 0\nfrozen 0\n");
        yield return ("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n");
        yield return ("cpu.pressure", Pressure(full: true));
        yield return ("memory.pressure", Pressure(full: true));
        yield return ("io.pressure", Pressure(full: true));
        foreach (string controller in enabled.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var file in ControllerFiles(controller))
            {
                yield return file;
            }
        }
    }

    private static string Pressure(bool full) =>
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n" + (full ? "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n" : "");

    private IEnumerable<(string, string)> ControllerFiles(string controller) => controller switch
    {
        "cpu" => [("cpu.weight", "100"), ("cpu.max", "max 100000"), ("cpu.max.burst", "0"), ("cpu.idle", "0")],
        "memory" => MemoryFiles(),
        "pids" => [("pids.max", "max"), ("pids.current", "0")],
        "cpuset" => [("cpuset.cpus", ""), ("cpuset.mems", ""), ("cpuset.cpus.effective", "0-3\n"), ("cpuset.mems.effective", "0\n")],
        "io" => BfqWeight is null
            ? [("io.weight", "default 100"), ("io.max", ""), ("io.stat", "")]
            : [("io.weight", "default 100"), ("io.max", ""), ("io.stat", ""), ("io.bfq.weight", BfqWeight)],
        "hugetlb" => new[] { "2MB", "1GB" }.SelectMany(size => new[]
        {
            ($"hugetlb.{size}.max", "max"), ($"hugetlb.{size}.rsvd.max", "max"), ($"hugetlb.{size}.current", "0"),
            ($"hugetlb.{size}.events", "max 0\n"),
        }),
        "rdma" => [("rdma.max", ""), ("rdma.current", "")],
        _ => [],
    };

    private IEnumerable<(string, string)> MemoryFiles()
    {
        (string, string)[] memory = [("memory.max", "max"), ("memory.low", "0"), ("memory.high", "max"), ("memory.current", "0"),
            ("memory.peak", "0"), ("memory.stat", "anon 0\nfile 0\n"), ("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n")];
        (string, string)[] swap = [("memory.swap.max", "max"), ("memory.swap.current", "0")];
        return SwapAccounting ? memory.Concat(swap) : memory;
    }

    protected override void WriteFile(string path, string value)
    {
        if (Path.GetFileName(path) == "cgroup.subtree_control")
        {
            WriteSubtreeControl(path, value);
            return;
        }
        if (Path.GetFileName(path) == "io.bfq.weight" && BfqWeight?.StartsWith("default", StringComparison.Ordinal) == true && !value.Contains(':'))
        {
            value = "default " + value; // since Linux 5.4 the file shows the default weight as "default N"
        }
        if (Path.GetFileName(path) == "cgroup.freeze")
        {
            bool frozen = value == "1" && !FreezeNeverCompletes;
            base.WriteFile(Path.Join(Path.GetDirectoryName(path)!, "cgroup.events"), $"populated 0\nfrozen {(frozen ? 1 : 0)}\n");
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
