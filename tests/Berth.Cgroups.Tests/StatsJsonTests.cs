using System.Text.Json;
using Berth.Cgroups.Stats;

namespace Berth.Cgroups.Tests;

/// <summary>The stats JSON matches runc's `events --stats` output byte for byte in shape: names, zero omissions, map order.</summary>
public sealed class StatsJsonTests
{
    private static string Serialize(CgroupEvent evt) => JsonSerializer.Serialize(evt, CgroupStatsJsonContext.Default.CgroupEvent);

    [Fact]
    public void Empty_stats_are_written_like_runc_writes_a_cgroup_without_counters()
    {
        string json = Serialize(new CgroupEvent { Id = "c1", Data = new CgroupStats() });
        Assert.Equal(
            "{\"type\":\"stats\",\"id\":\"c1\",\"data\":{" +
            "\"cpu\":{\"usage\":{\"kernel\":0,\"user\":0},\"throttling\":{}}," +
            "\"cpuset\":{\"cpu_exclusive\":0,\"mem_hardwall\":0,\"mem_exclusive\":0,\"memory_migrate\":0,\"memory_spread_page\":0," +
            "\"memory_spread_slab\":0,\"memory_pressure\":0,\"sched_load_balance\":0,\"sched_relax_domain_level\":0}," +
            "\"memory\":{\"usage\":{\"limit\":0,\"failcnt\":0},\"swap\":{\"limit\":0,\"failcnt\":0},\"kernel\":{\"limit\":0,\"failcnt\":0}," +
            "\"kernelTCP\":{\"limit\":0,\"failcnt\":0}}," +
            "\"pids\":{},\"blkio\":{},\"hugetlb\":{},\"intel_rdt\":{},\"network_interfaces\":null}}",
            json);
    }

    [Fact]
    public void An_oom_event_has_no_data()
    {
        Assert.Equal("{\"type\":\"oom\",\"id\":\"c1\"}", Serialize(new CgroupEvent { Type = CgroupEvent.OomType, Id = "c1" }));
    }

    [Fact]
    public void Filled_values_use_runcs_names_and_maps_are_sorted()
    {
        var stats = new CgroupStats();
        stats.Cpu.Usage.Total = 5;
        stats.Cpu.Usage.PerCpu = [2, 3];
        stats.Cpu.Throttling.ThrottledPeriods = 1;
        stats.Memory.Cache = 7;
        stats.Memory.Raw = new(StringComparer.Ordinal) { ["rss"] = 1, ["cache"] = 7 };
        stats.Memory.OomKills = 3;
        stats.Pids.Current = 4;
        stats.Blkio.IoServiceBytesRecursive = [new BlkioEntry { Major = 8, Minor = 0, Op = "Read", Value = 4096 }];
        stats.Hugetlb["2MB"] = new HugetlbStats { Usage = 2097152 };
        stats.Hugetlb["1GB"] = new HugetlbStats();
        string json = Serialize(new CgroupEvent { Id = "c1", Data = stats });
        Assert.Contains("\"usage\":{\"total\":5,\"percpu\":[2,3],\"kernel\":0,\"user\":0},\"throttling\":{\"throttledPeriods\":1}", json, StringComparison.Ordinal);
        Assert.Contains("\"memory\":{\"cache\":7,", json, StringComparison.Ordinal);
        Assert.Contains("\"raw\":{\"cache\":7,\"rss\":1}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("oom", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"pids\":{\"current\":4}", json, StringComparison.Ordinal);
        Assert.Contains("\"blkio\":{\"ioServiceBytesRecursive\":[{\"major\":8,\"op\":\"Read\",\"value\":4096}]}", json, StringComparison.Ordinal);
        Assert.Contains("\"hugetlb\":{\"1GB\":{\"failcnt\":0},\"2MB\":{\"usage\":2097152,\"failcnt\":0}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Pressure_is_written_with_all_four_fields()
    {
        var stats = new CgroupStats();
        stats.Cpu.Psi = new PsiStats { Some = new PsiData { Avg10 = 1.5, Total = 9 } };
        string json = Serialize(new CgroupEvent { Id = "c1", Data = stats });
        Assert.Contains("\"psi\":{\"some\":{\"avg10\":1.5,\"avg60\":0,\"avg300\":0,\"total\":9},\"full\":{\"avg10\":0,\"avg60\":0,\"avg300\":0,\"total\":0}}", json, StringComparison.Ordinal);
    }
}
