namespace Berth.Cgroups.Tests.Fakes;

/// <summary>
/// cgroup v1 hierarchies under one temp root (cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids,
/// systemd for name=systemd, and optionally a controller-less cgroup2 "unified"). Like the kernel: a new cpuset
/// cgroup has empty cpuset.cpus/mems and refuses tasks (ENOSPC) until they are filled; memory.limit_in_bytes
/// may never exceed memory.memsw.limit_in_bytes (EINVAL); cpu.shares is clamped to [2, 262144]; and, standing in
/// for the kernel's bandwidth check, cpu.cfs_period_us refuses (EINVAL) a period below the current quota.
/// </summary>
internal sealed class FakeV1Kernel : FakeCgroupFs
{
    public const string Unlimited = "9223372036854771712";
    private const int EINVAL = 22;
    private const int ENOSPC = 28;
    private readonly Dictionary<string, string[]> _controllersByMountpoint = new();

    public FakeV1Kernel(bool hybrid = true, bool swapAccounting = true, bool comountCpu = false)
    {
        SwapAccounting = swapAccounting;
        var mounts = new Dictionary<string, string>();
        string[][] hierarchies = comountCpu
            ? [["cpu", "cpuacct"], ["cpuset"], ["memory"], ["devices"], ["freezer"], ["blkio"], ["pids"], ["name=systemd"]]
            : [["cpu"], ["cpuacct"], ["cpuset"], ["memory"], ["devices"], ["freezer"], ["blkio"], ["pids"], ["name=systemd"]];
        foreach (string[] controllers in hierarchies)
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

    public CgroupHost Host { get; }

    public string Mountpoint(string controller) => Host.V1Mountpoints[controller];

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

    private IEnumerable<(string, string)> ControllerFiles(string controller) => controller switch
    {
        "cpu" => [("cpu.shares", "1024"), ("cpu.cfs_period_us", "100000"), ("cpu.cfs_quota_us", "-1"), ("cpu.cfs_burst_us", "0"),
            ("cpu.rt_period_us", "1000000"), ("cpu.rt_runtime_us", "0"), ("cpu.idle", "0")],
        "cpuset" => [("cpuset.cpus", ""), ("cpuset.mems", "")],
        "pids" => [("pids.max", "max")],
        "memory" => MemoryFiles(),
        "cgroup2" => [("cgroup.controllers", ""), ("cgroup.subtree_control", "")],
        _ => [("tasks", "")],
    };

    private IEnumerable<(string, string)> MemoryFiles()
    {
        yield return ("memory.limit_in_bytes", Unlimited);
        yield return ("memory.soft_limit_in_bytes", Unlimited);
        yield return ("memory.swappiness", "60");
        yield return ("memory.oom_control", "oom_kill_disable 0\nunder_oom 0");
        if (SwapAccounting)
        {
            yield return ("memory.memsw.limit_in_bytes", Unlimited);
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
            case "cgroup.procs" when IsCpusetWithoutCpus(directory):
                throw Errno(ENOSPC, "No space left on device");
            case "cpu.cfs_period_us" when ReadOrUnlimited(directory, "cpu.cfs_quota_us").Trim() is var quota && quota != "-1" && Exceeds(quota, value):
                throw Errno(EINVAL, "Invalid argument");
            case "cpu.shares":
                value = Math.Clamp(ulong.Parse(value), 2UL, 262144UL).ToString();
                break;
        }
        base.WriteFile(path, value == "-1" && path.Contains("memory.", StringComparison.Ordinal) ? Unlimited : value);
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
