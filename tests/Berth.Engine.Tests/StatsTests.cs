using Berth.Cgroups.Stats;
using Berth.Engine.Stats;

namespace Berth.Engine.Tests;

public class StatsTests
{
    [Fact]
    public void TopKeepsTheContainersProcesses()
    {
        const string ps = "UID          PID    PPID  C STIME TTY          TIME CMD\n"
            + "root           1       0  0 10:00 ?        00:00:01 /sbin/init splash\n"
            + "root        4242    4200  0 10:01 ?        00:00:00 sh -c sleep 100\n"
            + "root        4243    4242  0 10:01 ?        00:00:00 sleep 100\n";
        var table = ProcessTable.Parse(ps, new HashSet<int> { 4242, 4243 });
        Assert.Equal(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], table.Titles);
        Assert.Equal(2, table.Processes.Count);
        Assert.Equal(["root", "4242", "4200", "0", "10:01", "?", "00:00:00", "sh -c sleep 100"], table.Processes[0]);
        Assert.Contains("PID", Assert.Throws<EngineException>(() => ProcessTable.Parse("USER COMMAND\nroot x\n", new HashSet<int>())).Message);
    }

    [Fact]
    public void ProcFiles()
    {
        Assert.Equal(1500UL * 10_000_000, StatsReader.SystemCpuNs("cpu  100 200 300 400 500 0 0 999 0 0\ncpu0 1 2 3\n"));
        const string netDev = "Inter-|   Receive |  Transmit\n face |bytes packets|bytes\n    lo: 500 5 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n  eth0: 1000 10 0 0 0 0 0 0 2000 20 0 0 0 0 0 0\n";
        Assert.Equal((1000UL, 2000UL), StatsReader.NetworkBytes(netDev));
        Assert.Equal(2048UL * 1024, StatsReader.HostMemory("MemTotal:        2048 kB\nMemFree: 1 kB\n"));
    }

    [Fact]
    public void SampleFromCgroupCounters()
    {
        var cg = new CgroupStats();
        cg.Cpu.Usage.Total = 5_000_000;
        cg.Memory.Usage = new MemoryEntry { Usage = 10 << 20, Limit = ulong.MaxValue / 2 };
        cg.Memory.Raw = new SortedDictionary<string, ulong> { ["total_inactive_file"] = 2 << 20 };
        cg.Blkio.IoServiceBytesRecursive = [new BlkioEntry { Op = "Read", Value = 100 }, new BlkioEntry { Op = "read", Value = 1 }, new BlkioEntry { Op = "Write", Value = 7 }];
        cg.Pids.Current = 3;
        var s = StatsReader.FromCgroup(cg, DateTimeOffset.UnixEpoch, 1_000_000_000, 2, 100 << 20, (5, 6));
        Assert.Equal((8UL << 20, 100UL << 20), (s.MemoryUsage, s.MemoryLimit));
        Assert.Equal((101UL, 7UL, 3UL, 5UL, 6UL), (s.BlockRead, s.BlockWrite, s.Pids, s.NetRx, s.NetTx));
        Assert.Equal(8.0, s.MemoryPercent);
        var later = s with { ContainerCpuNs = 55_000_000, SystemCpuNs = 1_200_000_000 };
        Assert.Equal(50.0, StatsSample.CpuPercent(s, later), 3);
        Assert.Equal(0, StatsSample.CpuPercent(null, later));
    }
}
