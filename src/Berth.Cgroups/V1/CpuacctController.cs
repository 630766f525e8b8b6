using Berth.Cgroups.Stats;

namespace Berth.Cgroups.V1;

/// <summary>
/// cpuacct (v1): no limits, only CPU accounting. cpuacct.usage is the total CPU time in ns, cpuacct.usage_percpu
/// the same per CPU, cpuacct.usage_all splits each CPU into user and system time (ns), and cpuacct.stat gives
/// user/system totals in clock ticks (USER_HZ, 100 per second), which runc converts to ns.
/// </summary>
internal sealed class CpuacctController : V1Controller
{
    private const ulong NanosecondsPerTick = 1_000_000_000 / 100;

    public CpuacctController(string mountpoint, string relative, CgroupFs fs)
        : base("cpuacct", mountpoint, relative, fs)
    {
    }

    public override void AddStats(CgroupStats stats)
    {
        StatFiles files = StatFiles;
        CpuUsage usage = stats.Cpu.Usage;
        usage.Total = files.Unsigned("cpuacct.usage");
        if (files.Text("cpuacct.usage_percpu") is string perCpu)
        {
            usage.PerCpu = NullIfEmpty(StatText.Numbers(perCpu, files.PathOf("cpuacct.usage_percpu")));
        }
        Dictionary<string, ulong> ticks = files.FlatKeyed("cpuacct.stat");
        usage.User = ticks.GetValueOrDefault("user") * NanosecondsPerTick;
        usage.Kernel = ticks.GetValueOrDefault("system") * NanosecondsPerTick;
        if (files.Text("cpuacct.usage_all") is string all)
        {
            (usage.PerCpuUser, usage.PerCpuKernel) = UsageAll(all, files.PathOf("cpuacct.usage_all"));
        }
    }

    /// <summary>"cpu user system" header, then "0 123 456" per CPU → per-CPU user and system lists.</summary>
    internal static (List<ulong>? User, List<ulong>? Kernel) UsageAll(string text, string path)
    {
        var user = new List<ulong>();
        var kernel = new List<ulong>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            List<ulong> columns = StatText.Numbers(line, path);
            if (columns.Count != 3)
            {
                throw new CgroupException($"read {path}: malformed line \"{line}\"");
            }
            user.Add(columns[1]);
            kernel.Add(columns[2]);
        }
        return (NullIfEmpty(user), NullIfEmpty(kernel));
    }

    private static List<ulong>? NullIfEmpty(List<ulong> list) => list.Count > 0 ? list : null;
}
