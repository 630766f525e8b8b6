using Berth.Cgroups.Stats;
using Berth.Cgroups.Tests.Fakes;

namespace Berth.Cgroups.Tests;

/// <summary>GetStats reads each version's files into runc's shape: units converted, v2 swap reported as memory+swap.</summary>
public sealed class StatsTests
{
    private static ICgroupManager Created(FakeCgroupFs fake, CgroupHost host)
    {
        ICgroupManager manager = CgroupManagerFactory.Create(host, "/berth/c1", "c1", fake);
        manager.Create();
        return manager;
    }

    [Fact]
    public void V1_cpu_usage_comes_from_cpuacct_in_ns_and_throttling_from_cpu_stat()
    {
        using var fake = new FakeV1Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        string cpuacct = manager.Paths["cpuacct"];
        fake.Put(cpuacct, "cpuacct.usage", "5000\n");
        fake.Put(cpuacct, "cpuacct.usage_percpu", "3000 2000 \n");
        fake.Put(cpuacct, "cpuacct.usage_all", "cpu user system\n0 2500 500\n1 1500 500\n");
        fake.Put(cpuacct, "cpuacct.stat", "user 3\nsystem 1\n");
        fake.Put(manager.Paths["cpu"], "cpu.stat", "nr_periods 10\nnr_throttled 4\nthrottled_time 123456\n");
        CpuStats cpu = manager.GetStats().Cpu;
        Assert.Equal(5000UL, cpu.Usage.Total);
        Assert.Equal([3000UL, 2000UL], cpu.Usage.PerCpu);
        Assert.Equal([2500UL, 1500UL], cpu.Usage.PerCpuUser);
        Assert.Equal([500UL, 500UL], cpu.Usage.PerCpuKernel);
        Assert.Equal(30_000_000UL, cpu.Usage.User);
        Assert.Equal(10_000_000UL, cpu.Usage.Kernel);
        Assert.Equal((10UL, 4UL, 123456UL), (cpu.Throttling.Periods, cpu.Throttling.ThrottledPeriods, cpu.Throttling.ThrottledTime));
    }

    [Fact]
    public void V1_memory_entries_come_from_memory_memsw_and_raw_stat()
    {
        using var fake = new FakeV1Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        string memory = manager.Paths["memory"];
        fake.Put(memory, "memory.usage_in_bytes", "1000\n");
        fake.Put(memory, "memory.max_usage_in_bytes", "2000\n");
        fake.Put(memory, "memory.failcnt", "3\n");
        fake.Put(memory, "memory.memsw.usage_in_bytes", "1500\n");
        fake.Put(memory, "memory.stat", "cache 700\nrss 300\ntotal_cache 700\n");
        MemoryStats stats = manager.GetStats().Memory;
        Assert.Equal((1000UL, 2000UL, 3UL, ulong.Parse(FakeV1Kernel.Unlimited)), (stats.Usage.Usage, stats.Usage.Max, stats.Usage.Failcnt, stats.Usage.Limit));
        Assert.Equal(1500UL, stats.Swap.Usage);
        Assert.Equal(0UL, stats.Kernel.Limit); // no memory.kmem.* files on this kernel
        Assert.Equal(700UL, stats.Cache);
        Assert.Equal(["cache", "rss", "total_cache"], stats.Raw!.Keys);
    }

    [Fact]
    public void V1_blkio_uses_the_first_file_group_with_entries()
    {
        using var fake = new FakeV1Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        string blkio = manager.Paths["blkio"];
        fake.Put(blkio, "blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 512\nTotal 4608\n");
        fake.Put(blkio, "blkio.throttle.io_serviced_recursive", "8:0 Read 2\n8:0 Write 1\nTotal 3\n");
        BlkioStats stats = manager.GetStats().Blkio;
        Assert.Equal([new BlkioEntry { Major = 8, Op = "Read", Value = 4096 }, new BlkioEntry { Major = 8, Op = "Write", Value = 512 }], stats.IoServiceBytesRecursive);
        Assert.Equal(2, stats.IoServicedRecursive!.Count);
        fake.Put(blkio, "blkio.bfq.io_serviced_recursive", "8:16 Read 9\nTotal 9\n");
        Assert.Equal([new BlkioEntry { Major = 8, Minor = 16, Op = "Read", Value = 9 }], manager.GetStats().Blkio.IoServicedRecursive);
    }

    [Fact]
    public void V1_hugetlb_and_cpuset_stats_are_read_per_size_and_as_lists()
    {
        using var fake = new FakeV1Kernel(allControllers: true);
        ICgroupManager manager = Created(fake, fake.Host);
        fake.Put(manager.Paths["hugetlb"], "hugetlb.2MB.usage_in_bytes", "4194304\n");
        fake.Put(manager.Paths["hugetlb"], "hugetlb.2MB.failcnt", "1\n");
        CgroupStats stats = manager.GetStats();
        Assert.Equal(["1GB", "2MB"], stats.Hugetlb.Keys);
        Assert.Equal((4194304UL, 1UL), (stats.Hugetlb["2MB"].Usage, stats.Hugetlb["2MB"].Failcnt));
        Assert.Equal([0, 1, 2, 3], stats.Cpuset.Cpus!.Select(c => (int)c));
        Assert.Equal((1UL, -1L), (stats.Cpuset.SchedLoadBalance, stats.Cpuset.SchedRelaxDomainLevel));
    }

    [Fact]
    public void V2_converts_cpu_stat_microseconds_to_nanoseconds_and_reads_pressure()
    {
        using var fake = new FakeV2Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        string dir = manager.Paths[""];
        fake.Put(dir, "cpu.stat", "usage_usec 300\nuser_usec 200\nsystem_usec 100\nnr_periods 5\nnr_throttled 2\nthrottled_usec 7\n");
        fake.Put(dir, "cpu.pressure", "some avg10=1.25 avg60=0.50 avg300=0.10 total=999\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=12\n");
        CpuStats cpu = manager.GetStats().Cpu;
        Assert.Equal((300_000UL, 200_000UL, 100_000UL), (cpu.Usage.Total, cpu.Usage.User, cpu.Usage.Kernel));
        Assert.Equal((5UL, 2UL, 7000UL), (cpu.Throttling.Periods, cpu.Throttling.ThrottledPeriods, cpu.Throttling.ThrottledTime));
        Assert.Null(cpu.Usage.PerCpu);
        Assert.Equal((1.25, 999UL, 12UL), (cpu.Psi!.Some.Avg10, cpu.Psi.Some.Total, cpu.Psi.Full.Total));
    }

    [Fact]
    public void V2_memory_reports_swap_as_memory_plus_swap_like_runc()
    {
        using var fake = new FakeV2Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        string dir = manager.Paths[""];
        manager.Set(new Oci.Spec.Resources { Memory = new Oci.Spec.Memory { Limit = 1000, Swap = 3000 } });
        fake.Put(dir, "memory.current", "600\n");
        fake.Put(dir, "memory.peak", "900\n");
        fake.Put(dir, "memory.swap.current", "50\n");
        fake.Put(dir, "memory.stat", "anon 400\nfile 200\n");
        fake.Put(dir, "memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        MemoryStats memory = manager.GetStats().Memory;
        Assert.Equal((600UL, 900UL, 1000UL, 4UL), (memory.Usage.Usage, memory.Usage.Max, memory.Usage.Limit, memory.Usage.Failcnt));
        Assert.Equal((650UL, 3000UL), (memory.Swap.Usage, memory.Swap.Limit));
        Assert.Equal(200UL, memory.Cache);
        Assert.Equal(1UL, memory.OomKills);
    }

    [Fact]
    public void V2_unlimited_memory_reports_the_largest_number_for_both_limits()
    {
        using var fake = new FakeV2Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        MemoryStats memory = manager.GetStats().Memory;
        Assert.Equal((ulong.MaxValue, ulong.MaxValue), (memory.Usage.Limit, memory.Swap.Limit));
    }

    [Fact]
    public void V2_io_stat_becomes_bytes_and_requests_per_operation()
    {
        using var fake = new FakeV2Kernel();
        ICgroupManager manager = Created(fake, fake.Host);
        fake.Put(manager.Paths[""], "io.stat", "8:0 rbytes=4096 wbytes=512 rios=2 wios=1 dbytes=0 dios=0\n");
        BlkioStats io = manager.GetStats().Blkio;
        Assert.Equal(["Read 4096", "Write 512", "Discard 0"], io.IoServiceBytesRecursive!.Select(e => $"{e.Op} {e.Value}"));
        Assert.Equal(["Read 2", "Write 1", "Discard 0"], io.IoServicedRecursive!.Select(e => $"{e.Op} {e.Value}"));
    }

    [Fact]
    public void V2_hugetlb_usage_and_failures_per_size()
    {
        using var fake = new FakeV2Kernel("memory pids hugetlb");
        ICgroupManager manager = Created(fake, fake.Host);
        fake.Put(manager.Paths[""], "hugetlb.2MB.current", "2097152\n");
        fake.Put(manager.Paths[""], "hugetlb.2MB.events", "max 3\n");
        CgroupStats stats = manager.GetStats();
        Assert.Equal(["1GB", "2MB"], stats.Hugetlb.Keys);
        Assert.Equal((2097152UL, 3UL), (stats.Hugetlb["2MB"].Usage, stats.Hugetlb["2MB"].Failcnt));
    }
}
