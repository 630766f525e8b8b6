using System.Globalization;
using Berth.Cgroups.Stats;

namespace Berth.Engine.Stats;

/// <summary>
/// The pure parts of a stats reading: the host's CPU time from /proc/stat, network bytes from /proc/PID/net/dev,
/// and a <see cref="StatsSample"/> from the cgroup counters (docker's memory usage without inactive file pages,
/// the limit capped at the host's memory, block I/O summed over devices).
/// </summary>
public static class StatsReader
{
    /// <summary>docker's getSystemCPUUsage: user+nice+system+idle+iowait+irq+softirq of the "cpu" line, in ns (USER_HZ = 100).</summary>
    public static ulong SystemCpuNs(string procStat)
    {
        string? line = procStat.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null) return 0;
        ulong ticks = 0;
        foreach (string f in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(7)) ticks += ulong.Parse(f, CultureInfo.InvariantCulture);
        return ticks * 10_000_000;
    }

    /// <summary>Received and sent bytes over every interface but lo (docker counts the container's endpoints).</summary>
    public static (ulong Rx, ulong Tx) NetworkBytes(string netDev)
    {
        ulong rx = 0, tx = 0;
        foreach (string line in netDev.Split('\n').Skip(2))
        {
            int colon = line.IndexOf(':');
            if (colon < 0 || line[..colon].Trim() == "lo") continue;
            string[] f = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 9) continue;
            rx += ulong.Parse(f[0], CultureInfo.InvariantCulture);
            tx += ulong.Parse(f[8], CultureInfo.InvariantCulture);
        }
        return (rx, tx);
    }

    public static StatsSample FromCgroup(CgroupStats s, DateTimeOffset read, ulong systemCpuNs, int onlineCpus, ulong hostMemory, (ulong Rx, ulong Tx) network)
    {
        ulong usage = s.Memory.Usage.Usage;
        var raw = s.Memory.Raw;
        ulong inactive = raw is null ? 0 : raw.TryGetValue("total_inactive_file", out ulong v1) ? v1 : raw.TryGetValue("inactive_file", out ulong v2) ? v2 : 0;
        if (inactive < usage) usage -= inactive;
        ulong limit = s.Memory.Usage.Limit;
        if (limit == 0 || (hostMemory > 0 && limit > hostMemory)) limit = hostMemory;
        ulong Sum(string op) => (s.Blkio.IoServiceBytesRecursive ?? []).Where(e => string.Equals(e.Op, op, StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (a, e) => a + e.Value);
        return new StatsSample
        {
            Read = read, ContainerCpuNs = s.Cpu.Usage.Total, SystemCpuNs = systemCpuNs, OnlineCpus = onlineCpus,
            MemoryUsage = usage, MemoryLimit = limit, NetRx = network.Rx, NetTx = network.Tx,
            BlockRead = Sum("Read"), BlockWrite = Sum("Write"), Pids = s.Pids.Current,
        };
    }

    /// <summary>MemTotal of /proc/meminfo in bytes; 0 when absent.</summary>
    public static ulong HostMemory(string meminfo)
    {
        string? line = meminfo.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        string[]? f = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f is { Length: >= 2 } && ulong.TryParse(f[1], CultureInfo.InvariantCulture, out ulong kb) ? kb * 1024 : 0;
    }
}
