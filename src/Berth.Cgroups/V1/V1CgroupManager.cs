using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// A container's cgroup on a v1 (or hybrid) host: one directory per mounted hierarchy, each driven by its
/// controller class. On a hybrid host the same relative path is also created and joined in the controller-less
/// cgroup2 hierarchy (key ""), without writing any controller files there.
/// </summary>
public sealed class V1CgroupManager : ICgroupManager
{
    private readonly List<V1Controller> _controllers;
    private readonly CgroupFs _fs;

    internal V1CgroupManager(CgroupHost host, string relative, CgroupFs fs)
    {
        _fs = fs;
        _controllers = host.V1Mountpoints.Select(kv => ControllerFor(kv.Key, kv.Value, relative, fs)).ToList();
        if (host.UnifiedMountpoint is string unified)
        {
            _controllers.Add(new JoinOnlyController("", unified, relative, fs));
        }
        Mode = host.Mode;
        Paths = _controllers.ToDictionary(c => c.Name, c => c.Directory, StringComparer.Ordinal);
    }

    public CgroupMode Mode { get; }

    public IReadOnlyDictionary<string, string> Paths { get; }

    public void Create()
    {
        foreach (V1Controller controller in _controllers)
        {
            controller.Create();
        }
    }

    public void Apply(int pid)
    {
        string text = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string directory in DistinctDirectories())
        {
            _fs.Write(Path.Join(directory, "cgroup.procs"), text);
        }
    }

    public IReadOnlyList<string> SelfJoinTaskFiles() =>
        _controllers.DistinctBy(c => c.Directory).Where(c => c.Name.Length > 0).Select(c => Path.Join(c.Directory, "tasks")).ToList();

    /// <summary>
    /// Writes every field present; fields left out keep their current value, so this is also <c>update</c>.
    /// linux.resources.unified is refused even on a hybrid host, as runc does: its cgroup2 hierarchy has no controllers.
    /// </summary>
    public void Set(Resources resources)
    {
        if (resources.Unified is { Count: > 0 })
        {
            throw new CgroupException("linux.resources.unified needs cgroup v2, but this host's controllers are on cgroup v1"
                + (Mode == CgroupMode.Hybrid ? " (its cgroup2 hierarchy has no controllers)" : "") + ": use the typed fields of linux.resources");
        }
        RequireMounted(resources);
        foreach (V1Controller controller in _controllers)
        {
            controller.Set(resources);
        }
    }

    public void Freeze() => RequireFreezer("pause").Freeze();

    public void Thaw() => RequireFreezer("resume").Thaw();

    public FreezerState GetFreezerState() =>
        _controllers.OfType<FreezerController>().FirstOrDefault()?.GetState() ?? FreezerState.Undefined;

    /// <summary>Each controller adds its counters; hierarchies not mounted or without the directory are skipped, as in runc.</summary>
    public CgroupStats GetStats()
    {
        var stats = new CgroupStats();
        foreach (V1Controller controller in _controllers.Where(c => _fs.DirectoryExists(c.Directory)))
        {
            controller.AddStats(stats);
        }
        return stats;
    }

    public ulong GetOomKillCount() => _controllers.OfType<MemoryController>().FirstOrDefault()?.OomKills() ?? 0;

    /// <summary>From the pids hierarchy, else memory, else the first one mounted.</summary>
    public IReadOnlyList<int> GetPids()
    {
        string directory = Paths.GetValueOrDefault("pids") ?? Paths.GetValueOrDefault("memory") ?? _controllers[0].Directory;
        return CgroupTree.ReadPids(_fs, directory);
    }

    /// <summary>Removes the directory in every hierarchy; tries them all, then throws the first failure.</summary>
    public void Destroy()
    {
        CgroupException? first = null;
        foreach (string directory in DistinctDirectories())
        {
            try
            {
                CgroupTree.Remove(_fs, directory);
            }
            catch (CgroupException e)
            {
                first ??= e;
            }
        }
        if (first is not null)
        {
            throw first;
        }
    }

    /// <summary>A limit for a controller with no v1 hierarchy would be silently lost: refuse it instead.</summary>
    private void RequireMounted(Resources resources)
    {
        Cpu? cpu = resources.Cpu;
        bool cpuLimits = cpu is not null && (cpu.Shares.HasValue || cpu.Quota.HasValue || cpu.Period.HasValue
            || cpu.Burst.HasValue || cpu.RealtimeRuntime.HasValue || cpu.RealtimePeriod.HasValue || cpu.Idle.HasValue);
        bool cpusetLimits = !string.IsNullOrEmpty(cpu?.Cpus) || !string.IsNullOrEmpty(cpu?.Mems);
        Require(resources.Pids is not null, "pids", "linux.resources.pids");
        Require(resources.Memory is not null, "memory", "linux.resources.memory");
        Require(cpuLimits, "cpu", "linux.resources.cpu");
        Require(cpusetLimits, "cpuset", "linux.resources.cpu.cpus/mems");
        Require(resources.BlockIO is not null, "blkio", "linux.resources.blockIO");
        Require(resources.HugepageLimits is { Count: > 0 }, "hugetlb", "linux.resources.hugepageLimits");
        Require(resources.Network?.ClassID is > 0, "net_cls", "linux.resources.network.classID");
        Require(resources.Network?.Priorities is { Count: > 0 }, "net_prio", "linux.resources.network.priorities");
        Require(resources.Rdma is { Count: > 0 }, "rdma", "linux.resources.rdma");
    }

    private FreezerController RequireFreezer(string operation) =>
        _controllers.OfType<FreezerController>().FirstOrDefault()
        ?? throw new CgroupException($"cannot {operation}: the freezer controller has no cgroup v1 hierarchy mounted on this host "
            + "(mount one: mount -t cgroup -o freezer freezer /sys/fs/cgroup/freezer)");

    private void Require(bool wanted, string controller, string field)
    {
        if (wanted && !Paths.ContainsKey(controller))
        {
            throw new CgroupException($"{field} needs the {controller} controller, which has no cgroup v1 hierarchy mounted on this host");
        }
    }

    /// <summary>Co-mounted controllers ("cpu,cpuacct") share one directory: visit it once.</summary>
    private IEnumerable<string> DistinctDirectories() => _controllers.Select(c => c.Directory).Distinct(StringComparer.Ordinal);

    private static V1Controller ControllerFor(string name, string mountpoint, string relative, CgroupFs fs) => name switch
    {
        "pids" => new PidsController(mountpoint, relative, fs),
        "memory" => new MemoryController(mountpoint, relative, fs),
        "cpu" => new CpuController(mountpoint, relative, fs),
        "cpuset" => new CpusetController(mountpoint, relative, fs),
        "devices" => new Devices.V1DevicesController(mountpoint, relative, fs),
        "cpuacct" => new CpuacctController(mountpoint, relative, fs),
        "blkio" => new BlkioController(mountpoint, relative, fs),
        "hugetlb" => new HugetlbController(mountpoint, relative, fs),
        "net_cls" => new NetClsController(mountpoint, relative, fs),
        "net_prio" => new NetPrioController(mountpoint, relative, fs),
        "rdma" => new RdmaController(mountpoint, relative, fs),
        "freezer" => new FreezerController(mountpoint, relative, fs),
        _ => new JoinOnlyController(name, mountpoint, relative, fs),
    };
}
