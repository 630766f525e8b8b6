using Berth.Cgroups.Stats;

namespace Berth.Cgroups.V2;

/// <summary>
/// Statistics of a cgroup2 directory, converted to runc's shape: cpu.stat (µs → ns), memory.current/.max/.peak,
/// memory.swap.* (reported as memory+swap like v1), memory.stat, memory.events, pids.*, io.stat,
/// hugetlb.&lt;size&gt;.current/.events, cpuset.*.effective and the pressure files. Missing files read as zero.
/// </summary>
internal static class V2Stats
{
    private const ulong NanosecondsPerMicrosecond = 1000;

    public static CgroupStats Read(StatFiles files)
    {
        var stats = new CgroupStats();
        AddCpu(files, stats.Cpu);
        stats.Cpuset.Cpus = StatText.CpuList(files.Text("cpuset.cpus.effective") ?? "", files.PathOf("cpuset.cpus.effective"));
        stats.Cpuset.Mems = StatText.CpuList(files.Text("cpuset.mems.effective") ?? "", files.PathOf("cpuset.mems.effective"));
        AddMemory(files, stats.Memory);
        PidsStatsReader.Add(files, stats.Pids);
        AddIo(files, stats.Blkio);
        AddHugetlb(files, stats.Hugetlb);
        return stats;
    }

    public static ulong OomKills(StatFiles files) => files.Key("memory.events", "oom_kill");

    private static void AddCpu(StatFiles files, CpuStats cpu)
    {
        Dictionary<string, ulong> stat = files.FlatKeyed("cpu.stat");
        cpu.Usage.Total = stat.GetValueOrDefault("usage_usec") * NanosecondsPerMicrosecond;
        cpu.Usage.User = stat.GetValueOrDefault("user_usec") * NanosecondsPerMicrosecond;
        cpu.Usage.Kernel = stat.GetValueOrDefault("system_usec") * NanosecondsPerMicrosecond;
        cpu.Throttling.Periods = stat.GetValueOrDefault("nr_periods");
        cpu.Throttling.ThrottledPeriods = stat.GetValueOrDefault("nr_throttled");
        cpu.Throttling.ThrottledTime = stat.GetValueOrDefault("throttled_usec") * NanosecondsPerMicrosecond;
        cpu.Psi = files.Psi("cpu.pressure");
    }

    private static void AddMemory(StatFiles files, MemoryStats memory)
    {
        Dictionary<string, ulong> raw = files.FlatKeyed("memory.stat");
        memory.Raw = raw.Count > 0 ? new SortedDictionary<string, ulong>(raw, StringComparer.Ordinal) : null;
        memory.Cache = raw.GetValueOrDefault("file");
        Dictionary<string, ulong> events = files.FlatKeyed("memory.events");
        memory.Usage = new MemoryEntry
        {
            Usage = files.Unsigned("memory.current"),
            Limit = files.Unsigned("memory.max"),
            Max = files.Unsigned("memory.peak"),
            Failcnt = events.GetValueOrDefault("max"),
        };
        memory.Swap = new MemoryEntry
        {
            Usage = memory.Usage.Usage + files.Unsigned("memory.swap.current"),
            Limit = SaturatingAdd(files.Unsigned("memory.swap.max"), memory.Usage.Limit),
        };
        memory.OomKills = events.GetValueOrDefault("oom_kill");
        memory.Psi = files.Psi("memory.pressure");
    }

    /// <summary>io.stat: rbytes/wbytes/dbytes → bytes by "Read"/"Write"/"Discard", rios/wios/dios → requests.</summary>
    private static void AddIo(StatFiles files, BlkioStats blkio)
    {
        if (files.Text("io.stat") is string text)
        {
            var bytes = new List<BlkioEntry>();
            var requests = new List<BlkioEntry>();
            foreach (var (major, minor, values) in StatText.NestedKeyed(text, files.PathOf("io.stat")))
            {
                foreach (var (key, value) in values)
                {
                    var (list, op) = key switch
                    {
                        "rbytes" => (bytes, "Read"), "wbytes" => (bytes, "Write"), "dbytes" => (bytes, "Discard"),
                        "rios" => (requests, "Read"), "wios" => (requests, "Write"), "dios" => (requests, "Discard"),
                        _ => (null, ""),
                    };
                    list?.Add(new BlkioEntry { Major = major, Minor = minor, Op = op, Value = value });
                }
            }
            blkio.IoServiceBytesRecursive = bytes.Count > 0 ? bytes : null;
            blkio.IoServicedRecursive = requests.Count > 0 ? requests : null;
        }
        blkio.Psi = files.Psi("io.pressure");
    }

    private static void AddHugetlb(StatFiles files, SortedDictionary<string, HugetlbStats> hugetlb)
    {
        foreach (string size in HugetlbFiles.Sizes(files.Fs, files.Directory, V2Hugetlb.LimitSuffix))
        {
            hugetlb[size] = new HugetlbStats
            {
                Usage = files.Unsigned($"hugetlb.{size}.current"),
                Failcnt = files.Key($"hugetlb.{size}.events", "max"),
            };
        }
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
