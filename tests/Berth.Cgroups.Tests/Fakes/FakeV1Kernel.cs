namespace Berth.Cgroups.Tests.Fakes;

/// <summary>
/// cgroup v1 hierarchies under one temp root (cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids,
/// systemd for name=systemd, optionally hugetlb, net_cls+net_prio and rdma, and a controller-less cgroup2 "unified").
/// Like the kernel: a new cpuset cgroup has empty cpuset.cpus/mems and refuses tasks (ENOSPC) until they are filled;
/// memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes (EINVAL) nor go below memory.usage_in_bytes
/// (EBUSY); cpu.shares is clamped to [2, 262144]; cpu.cfs_period_us refuses (EINVAL) a period below the current
/// quota; freezer.state answers FREEZING for <see cref="FreezingWrites"/> FROZEN writes before it reads FROZEN.
/// </summary>
internal sealed partial class FakeV1Kernel : FakeCgroupFs
{
    public const string Unlimited = "9223372036854771712";
    private const int EINVAL = 22;
    private const int EBUSY = 16;
    private const int ENOSPC = 28;
    private readonly Dictionary<string, string[]> _controllersByMountpoint = new();

    public FakeV1Kernel(bool hybrid = true, bool swapAccounting = true, bool comountCpu = false, bool allControllers = false, bool cfq = false)
    {
        SwapAccounting = swapAccounting;
        Cfq = cfq;
        var mounts = new Dictionary<string, string>();
        foreach (string[] controllers in Hierarchies(comountCpu, allControllers))
        {
            string dirName = string.Join(',', controllers).Replace("name=", "", StringComparison.Ordinal);
            string mountpoint = Path.Join(Root, dirName);
            MountHierarchy(mountpoint, controllers);
            foreach (string controller in controllers)
            {
                mounts[controller] = mountpoint;
            }
        }
        string? unified = hybrid ? Path.Join(Root, "unified") : null;
        if (unified is not null)
        {
            MountHierarchy(unified, ["cgroup2"]);
        }
        Host = CgroupHost.ForV1(mounts, unified);
    }

    public bool SwapAccounting { get; }

    /// <summary>blkio with CFQ's files (blkio.weight, leaf weights) instead of BFQ's (blkio.bfq.weight).</summary>
    public bool Cfq { get; }

    /// <summary>How many more FROZEN writes leave freezer.state at FREEZING (a task still forking).</summary>
    public int FreezingWrites { get; set; }

    public CgroupHost Host { get; }

    public string Mountpoint(string controller) => Host.V1Mountpoints[controller];

    private static IEnumerable<string[]> Hierarchies(bool comountCpu, bool allControllers)
    {
        IEnumerable<string[]> cpu = comountCpu ? [["cpu", "cpuacct"]] : [["cpu"], ["cpuacct"]];
        IEnumerable<string[]> common = [["cpuset"], ["memory"], ["devices"], ["freezer"], ["blkio"], ["pids"], ["name=systemd"]];
        IEnumerable<string[]> extra = allControllers ? [["hugetlb"], ["net_cls", "net_prio"], ["rdma"]] : [];
        return cpu.Concat(common).Concat(extra);
    }

    private void MountHierarchy(string mountpoint, string[] controllers)
    {
        Directory.CreateDirectory(mountpoint);
        _controllersByMountpoint[mountpoint] = controllers;
        File.WriteAllText(Path.Join(mountpoint, "cgroup.procs"), "");
        if (controllers.Contains("cpuset"))
        {
            File.WriteAllText(Path.Join(mountpoint, "cpuset.cpus"), "0-3\n");
            File.WriteAllText(Path.Join(mountpoint, "cpuset.mems"), "0\n");
        }
    }

    protected override IEnumerable<(string File, string Content)> FilesFor(string directory)
    {
        var (_, controllers) = _controllersByMountpoint.First(kv => directory.StartsWith(kv.Key + "/", StringComparison.Ordinal));
        yield return ("cgroup.procs", "");
        foreach (string controller in controllers)
        {
            foreach (var file in ControllerFiles(controller))
            {
                yield return file;
            }
        }
    }

    protected override void WriteFile(string path, string value)
    {
        string directory = Path.GetDirectoryName(path)!;
        switch (Path.GetFileName(path))
        {
            case "memory.limit_in_bytes" when Exceeds(value, ReadOrUnlimited(directory, "memory.memsw.limit_in_bytes")):
            case "memory.memsw.limit_in_bytes" when Exceeds(ReadOrUnlimited(directory, "memory.limit_in_bytes"), value):
                throw Errno(EINVAL, "Invalid argument");
            case "memory.limit_in_bytes" when Exceeds(ReadOrUnlimited(directory, "memory.usage_in_bytes"), value):
                throw Errno(EBUSY, "Device or resource busy");
            case "cgroup.procs" when IsCpusetWithoutCpus(directory):
                throw Errno(ENOSPC, "No space left on device");
            case "cpu.cfs_period_us" when ReadOrUnlimited(directory, "cpu.cfs_quota_us").Trim() is var quota && quota != "-1" && Exceeds(quota, value):
                throw Errno(EINVAL, "Invalid argument");
            case "cpu.shares":
                value = Math.Clamp(ulong.Parse(value), 2UL, 262144UL).ToString();
                break;
            case "freezer.state":
                WriteFreezerState(directory, value);
                return;
        }
        base.WriteFile(path, value == "-1" && path.Contains("memory.", StringComparison.Ordinal) ? Unlimited : value);
    }

    private void WriteFreezerState(string directory, string value)
    {
        bool freezing = value == "FROZEN" && FreezingWrites-- > 0;
        base.WriteFile(Path.Join(directory, "freezer.state"), freezing ? "FREEZING\n" : value + "\n");
        base.WriteFile(Path.Join(directory, "freezer.self_freezing"), value == "FROZEN" ? "1\n" : "0\n");
    }

    private static bool Exceeds(string a, string b) => Parse(a) > Parse(b);

    private static ulong Parse(string value) => ulong.Parse(value.Trim() == "-1" ? Unlimited : value.Trim());

    private static string ReadOrUnlimited(string directory, string file)
    {
        string path = Path.Join(directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : Unlimited;
    }

    private static bool IsCpusetWithoutCpus(string directory)
    {
        string cpus = Path.Join(directory, "cpuset.cpus");
        return File.Exists(cpus) && (File.ReadAllText(cpus).Trim().Length == 0 || File.ReadAllText(Path.Join(directory, "cpuset.mems")).Trim().Length == 0);
    }
}
