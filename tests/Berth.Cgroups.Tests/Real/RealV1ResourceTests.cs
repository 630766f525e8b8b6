using System.Text.Json;
using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Real;

/// <summary>
/// The v1 manager's newer operations against the real controllers of this host: freeze/thaw of a running process,
/// blkio, memory+swap updates in both directions, cpu burst/idle/real-time, stats and their JSON.
/// </summary>
[Trait("Category", "Root")]
public sealed class RealV1ResourceTests : RealCgroupTest
{
    private const long MiB = 1024 * 1024;

    private ICgroupManager Created()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        return manager;
    }

    private bool Mounted(string controller) => Host.V1Mountpoints.ContainsKey(controller);

    [RootFact(HostNeed.V1Controllers, "freezer")]
    public void Freeze_stops_a_busy_process_and_thaw_lets_it_run_again()
    {
        ICgroupManager manager = Created();
        using var busy = SleepProcess.StartBusy();
        manager.Apply(busy.Pid);
        try
        {
            manager.Freeze();
            Assert.Equal(FreezerState.Frozen, manager.GetFreezerState());
            Assert.Equal("FROZEN", ReadValue(manager.Paths["freezer"], "freezer.state"));
            Assert.StartsWith("D", busy.State(), StringComparison.Ordinal); // frozen tasks wait uninterruptibly in the freezer
            long frozenTicks = busy.CpuTicks();
            Thread.Sleep(300);
            Assert.Equal(frozenTicks, busy.CpuTicks());
        }
        finally
        {
            manager.Thaw();
        }
        Assert.Equal(FreezerState.Thawed, manager.GetFreezerState());
        long thawedTicks = busy.CpuTicks();
        Thread.Sleep(300);
        Assert.True(busy.CpuTicks() > thawedTicks, "the thawed process should use CPU again");
        busy.Kill();
    }

    [RootFact(HostNeed.V1SwapAccounting)]
    public void Memory_and_swap_can_be_raised_and_lowered_in_one_update_each()
    {
        ICgroupManager manager = Created();
        string memory = manager.Paths["memory"];
        manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB } });
        manager.Set(new Resources { Memory = new Memory { Limit = 512 * MiB, Swap = 1024 * MiB } }); // swap first, else EINVAL
        Assert.Equal((512 * MiB).ToString(), ReadValue(memory, "memory.limit_in_bytes"));
        Assert.Equal((1024 * MiB).ToString(), ReadValue(memory, "memory.memsw.limit_in_bytes"));
        manager.Set(new Resources { Memory = new Memory { Limit = 32 * MiB, Swap = 64 * MiB, Reservation = 16 * MiB, Swappiness = 10 } });
        Assert.Equal((32 * MiB).ToString(), ReadValue(memory, "memory.limit_in_bytes"));
        Assert.Equal((64 * MiB).ToString(), ReadValue(memory, "memory.memsw.limit_in_bytes"));
        Assert.Equal((16 * MiB).ToString(), ReadValue(memory, "memory.soft_limit_in_bytes"));
        Assert.Equal("10", ReadValue(memory, "memory.swappiness"));
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Memory = new Memory { Limit = 256 * MiB } }));
        Assert.Contains("may not exceed memory.memsw.limit_in_bytes", error.Message, StringComparison.Ordinal);
    }

    [RootFact(HostNeed.V1Controllers, "blkio")]
    public void Blkio_weight_and_throttles_are_taken_by_the_kernel()
    {
        var (major, minor) = ABlockDevice();
        ICgroupManager manager = Created();
        string blkio = manager.Paths["blkio"];
        var io = new BlockIO
        {
            ThrottleReadBpsDevice = [new ThrottleDevice { Major = major, Minor = minor, Rate = 1048576 }],
            ThrottleWriteIOPSDevice = [new ThrottleDevice { Major = major, Minor = minor, Rate = 100 }],
        };
        bool weighted = File.Exists(Path.Join(blkio, "blkio.weight")) || File.Exists(Path.Join(blkio, "blkio.bfq.weight"));
        io.Weight = weighted ? (ushort)300 : null;
        manager.Set(new Resources { BlockIO = io });
        Assert.Equal($"{major}:{minor} 1048576", ReadValue(blkio, "blkio.throttle.read_bps_device"));
        Assert.Equal($"{major}:{minor} 100", ReadValue(blkio, "blkio.throttle.write_iops_device"));
        if (weighted)
        {
            string file = File.Exists(Path.Join(blkio, "blkio.weight")) ? "blkio.weight" : "blkio.bfq.weight";
            Assert.EndsWith("300", ReadValue(blkio, file), StringComparison.Ordinal);
        }
    }

    [RootFact(HostNeed.V1Controllers)]
    public void Cpu_burst_and_idle_are_written_and_a_realtime_runtime_beyond_the_parent_is_explained()
    {
        ICgroupManager manager = Created();
        string cpu = manager.Paths["cpu"];
        manager.Set(new Resources { Cpu = new Cpu { Period = 100000, Quota = 50000, Burst = 1000 } });
        Assert.Equal("1000", ReadValue(cpu, "cpu.cfs_burst_us"));
        if (File.Exists(Path.Join(cpu, "cpu.idle")))
        {
            manager.Set(new Resources { Cpu = new Cpu { Idle = 1 } });
            Assert.Equal("1", ReadValue(cpu, "cpu.idle"));
        }
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Cpu = new Cpu { RealtimePeriod = 1000000, RealtimeRuntime = 10000 } }));
        Assert.True(error.Errno is 2 or 22, error.Message);
        Assert.Contains("cpu.rt_runtime_us", error.Message, StringComparison.Ordinal);
    }

    [RootFact(HostNeed.V1Controllers)]
    public void Stats_of_a_busy_process_count_its_cpu_pids_and_memory_and_serialize()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 50 } });
        using var busy = SleepProcess.StartBusy();
        manager.Apply(busy.Pid);
        Thread.Sleep(200);
        CgroupStats stats = manager.GetStats();
        Assert.Equal((1UL, 50UL), (stats.Pids.Current, stats.Pids.Limit));
        Assert.True(stats.Cpu.Usage.Total > 0, "cpuacct.usage of a busy process");
        Assert.Equal(stats.Cpu.Usage.PerCpu!.Count, stats.Cpu.Usage.PerCpuUser!.Count);
        Assert.True(stats.Memory.Usage.Limit > 0);
        Assert.NotNull(stats.Memory.Raw);
        Assert.NotEmpty(stats.Cpuset.Cpus!);
        Assert.Equal(0UL, manager.GetOomKillCount());
        string json = JsonSerializer.Serialize(new CgroupEvent { Id = "c1", Data = stats }, CgroupStatsJsonContext.Default.CgroupEvent);
        Assert.Contains("\"pids\":{\"current\":1,\"limit\":50}", json, StringComparison.Ordinal);
        busy.Kill();
    }

    [RootFact(HostNeed.V1Controllers)]
    public void Limits_for_controllers_this_host_has_not_mounted_are_refused_by_name()
    {
        ICgroupManager manager = Created();
        foreach (var (controller, resources) in new (string, Resources)[]
        {
            ("hugetlb", new Resources { HugepageLimits = [new HugepageLimit { PageSize = "2MB", Limit = 2 * MiB }] }),
            ("net_cls", new Resources { Network = new Network { ClassID = 0x100001 } }),
            ("rdma", new Resources { Rdma = new() { ["mlx5_0"] = new Rdma { HcaHandles = 1 } } }),
        })
        {
            if (!Mounted(controller))
            {
                var error = Assert.Throws<CgroupException>(() => manager.Set(resources));
                Assert.Contains($"needs the {controller} controller", error.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>A disk's major:minor from /sys/block (a virtio/SCSI disk first, else any device).</summary>
    private static (long Major, long Minor) ABlockDevice()
    {
        string[] devices = Directory.GetDirectories("/sys/block").OrderBy(d => Path.GetFileName(d).StartsWith("loop", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(devices);
        string[] numbers = File.ReadAllText(Path.Join(devices[0], "dev")).Trim().Split(':');
        return (long.Parse(numbers[0]), long.Parse(numbers[1]));
    }
}
