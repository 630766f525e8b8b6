namespace Berth.Engine.Stats;

/// <summary>
/// One reading of a container's counters for `berth stats`: cumulative CPU time (ns) of the container and of the
/// whole host (/proc/stat), memory used (page cache of inactive files left out, as docker does) and its limit,
/// network bytes of the container's namespace, block I/O bytes, and the number of processes.
/// </summary>
public sealed record StatsSample
{
    public DateTimeOffset Read { get; init; }
    public ulong ContainerCpuNs { get; init; }
    public ulong SystemCpuNs { get; init; }
    public int OnlineCpus { get; init; } = 1;
    public ulong MemoryUsage { get; init; }
    public ulong MemoryLimit { get; init; }
    public ulong NetRx { get; init; }
    public ulong NetTx { get; init; }
    public ulong BlockRead { get; init; }
    public ulong BlockWrite { get; init; }
    public ulong Pids { get; init; }

    /// <summary>docker's calculateCPUPercentUnix: the container's share of the host's CPU time between two readings, times the CPUs.</summary>
    public static double CpuPercent(StatsSample? previous, StatsSample current)
    {
        if (previous is null) return 0;
        double cpuDelta = (double)current.ContainerCpuNs - previous.ContainerCpuNs;
        double systemDelta = (double)current.SystemCpuNs - previous.SystemCpuNs;
        return cpuDelta > 0 && systemDelta > 0 ? cpuDelta / systemDelta * current.OnlineCpus * 100 : 0;
    }

    public double MemoryPercent => MemoryLimit == 0 ? 0 : (double)MemoryUsage / MemoryLimit * 100;
}
