using Berth.Cgroups.Stats;

namespace Berth.Cgroups.V1;

/// <summary>memory (v1) statistics: usage/limit/peak/failcnt of memory, memory+swap (memsw), kmem and kmem.tcp; memory.stat; OOM kills.</summary>
internal sealed partial class MemoryController
{
    public override void AddStats(CgroupStats stats)
    {
        StatFiles files = StatFiles;
        MemoryStats memory = stats.Memory;
        Dictionary<string, ulong> raw = files.FlatKeyed("memory.stat");
        memory.Raw = raw.Count > 0 ? new SortedDictionary<string, ulong>(raw, StringComparer.Ordinal) : null;
        memory.Cache = raw.GetValueOrDefault("cache");
        memory.Usage = Entry(files, "memory");
        memory.Swap = Entry(files, "memory.memsw");
        memory.Kernel = Entry(files, "memory.kmem");
        memory.KernelTcp = Entry(files, "memory.kmem.tcp");
        memory.OomKills = OomKills();
    }

    /// <summary>"oom_kill N" in memory.oom_control (Linux 4.13+): processes of this cgroup the OOM killer killed.</summary>
    public ulong OomKills() => StatFiles.Key(OomControl, "oom_kill");

    /// <summary>&lt;prefix&gt;.usage_in_bytes, .max_usage_in_bytes, .failcnt, .limit_in_bytes; zeros when the kernel lacks them.</summary>
    private static MemoryEntry Entry(StatFiles files, string prefix) => new()
    {
        Usage = files.Unsigned(prefix + ".usage_in_bytes"),
        Max = files.Unsigned(prefix + ".max_usage_in_bytes"),
        Failcnt = files.Unsigned(prefix + ".failcnt"),
        Limit = files.Unsigned(prefix + ".limit_in_bytes"),
    };
}
