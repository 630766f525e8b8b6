using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>linux.resources → cgroup v1 files: exact contents, write order where the kernel cares, errors naming files.</summary>
public sealed class V1ResourceTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly FakeV1Kernel _fake = new();
    private readonly ICgroupManager _manager;

    public V1ResourceTests()
    {
        _manager = CgroupManagerFactory.Create(_fake.Host, "/berth/c1", "c1", _fake);
        _manager.Create();
    }

    public void Dispose() => _fake.Dispose();

    private string Read(string controller, string file) => _fake.ReadText(Path.Join(_manager.Paths[controller], file));

    private List<string> WritesDuring(Action action)
    {
        int before = _fake.Writes.Count;
        action();
        return _fake.Writes.Skip(before).Select(w => w.Replace("/berth/c1/", " ", StringComparison.Ordinal)).ToList();
    }

    private void SetMemory(long limit, long swap) =>
        _manager.Set(new Resources { Memory = new Memory { Limit = limit, Swap = swap } });

    [Fact]
    public void Memory_files_get_limit_reservation_swap_swappiness_and_oom_control()
    {
        _manager.Set(new Resources { Memory = new Memory
        {
            Limit = 256 * MiB, Reservation = 128 * MiB, Swap = 512 * MiB, Swappiness = 10, DisableOOMKiller = true,
        } });
        Assert.Equal("268435456", Read("memory", "memory.limit_in_bytes"));
        Assert.Equal("134217728", Read("memory", "memory.soft_limit_in_bytes"));
        Assert.Equal("536870912", Read("memory", "memory.memsw.limit_in_bytes"));
        Assert.Equal("10", Read("memory", "memory.swappiness"));
        Assert.Equal("1", Read("memory", "memory.oom_control"));
    }

    [Fact]
    public void Raising_the_limit_above_the_current_memsw_writes_swap_first()
    {
        SetMemory(64 * MiB, 128 * MiB);
        List<string> writes = WritesDuring(() => SetMemory(512 * MiB, 1024 * MiB));
        Assert.Equal(["write 1073741824 to /memory memory.memsw.limit_in_bytes", "write 536870912 to /memory memory.limit_in_bytes"], writes);
        Assert.Equal("536870912", Read("memory", "memory.limit_in_bytes"));
    }

    [Fact]
    public void Lowering_both_writes_the_limit_first()
    {
        SetMemory(512 * MiB, 1024 * MiB);
        List<string> writes = WritesDuring(() => SetMemory(64 * MiB, 128 * MiB));
        Assert.Equal(["write 67108864 to /memory memory.limit_in_bytes", "write 134217728 to /memory memory.memsw.limit_in_bytes"], writes);
        Assert.Equal("134217728", Read("memory", "memory.memsw.limit_in_bytes"));
    }

    [Fact]
    public void Unlimited_memory_without_swap_makes_swap_unlimited_first()
    {
        SetMemory(64 * MiB, 128 * MiB);
        List<string> writes = WritesDuring(() => SetMemory(-1, 0));
        Assert.Equal(["write -1 to /memory memory.memsw.limit_in_bytes", "write -1 to /memory memory.limit_in_bytes"], writes);
        Assert.Equal(FakeV1Kernel.Unlimited, Read("memory", "memory.limit_in_bytes"));
    }

    [Fact]
    public void Swap_below_the_limit_is_refused_naming_the_fields()
    {
        var error = Assert.Throws<CgroupException>(() => SetMemory(256 * MiB, 128 * MiB));
        Assert.Contains("linux.resources.memory.swap (134217728)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_swap_accounting_a_swap_limit_names_the_missing_memsw_file()
    {
        using var fake = new FakeV1Kernel(swapAccounting: false);
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/c", "c", fake);
        manager.Create();
        manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = -1 } });
        Assert.Equal("67108864", fake.ReadText(Path.Join(manager.Paths["memory"], "memory.limit_in_bytes")));
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB } }));
        Assert.StartsWith($"{fake.Root}/memory/c/memory.memsw.limit_in_bytes does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(101UL)]
    [InlineData(1000UL)]
    public void Swappiness_above_100_is_refused(ulong swappiness)
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Swappiness = swappiness } }));
        Assert.Contains("linux.resources.memory.swappiness", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swappiness_of_minus_one_leaves_the_kernel_value()
    {
        Assert.Empty(WritesDuring(() => _manager.Set(new Resources { Memory = new Memory { Swappiness = ulong.MaxValue } })));
    }

    [Fact]
    public void Cpu_shares_period_and_quota_are_written_period_first()
    {
        List<string> writes = WritesDuring(() => _manager.Set(new Resources { Cpu = new Cpu { Shares = 512, Period = 50000, Quota = 25000 } }));
        Assert.Equal(["write 512 to /cpu cpu.shares", "write 50000 to /cpu cpu.cfs_period_us", "write 25000 to /cpu cpu.cfs_quota_us"], writes);
        Assert.Equal("25000", Read("cpu", "cpu.cfs_quota_us"));
    }

    [Fact]
    public void A_period_refused_before_the_new_quota_is_retried_after_it()
    {
        _manager.Set(new Resources { Cpu = new Cpu { Period = 100000, Quota = 50000 } });
        List<string> writes = WritesDuring(() => _manager.Set(new Resources { Cpu = new Cpu { Period = 20000, Quota = 10000 } }));
        Assert.Equal(["write 20000 to /cpu cpu.cfs_period_us", "write 10000 to /cpu cpu.cfs_quota_us", "write 20000 to /cpu cpu.cfs_period_us"], writes);
        Assert.Equal("20000", Read("cpu", "cpu.cfs_period_us"));
    }

    [Fact]
    public void A_refused_period_without_a_quota_names_the_file_and_errno()
    {
        _manager.Set(new Resources { Cpu = new Cpu { Period = 100000, Quota = 50000 } });
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Cpu = new Cpu { Period = 20000 } }));
        Assert.Equal($"write 20000 to {_manager.Paths["cpu"]}/cpu.cfs_period_us: Invalid argument", error.Message);
        Assert.Equal(22, error.Errno);
    }

    [Fact]
    public void Realtime_period_is_written_before_runtime_and_idle_and_burst_follow()
    {
        var cpu = new Cpu { RealtimePeriod = 1000000, RealtimeRuntime = 950000, Idle = 1, Burst = 1000 };
        List<string> writes = WritesDuring(() => _manager.Set(new Resources { Cpu = cpu }));
        Assert.Equal(["write 1000 to /cpu cpu.cfs_burst_us", "write 1000000 to /cpu cpu.rt_period_us",
            "write 950000 to /cpu cpu.rt_runtime_us", "write 1 to /cpu cpu.idle"], writes);
    }

    [Fact]
    public void Shares_the_kernel_clamps_are_an_error_naming_the_bound()
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Cpu = new Cpu { Shares = 1 } }));
        Assert.Equal($"linux.resources.cpu.shares 1: the minimum {_manager.Paths["cpu"]}/cpu.shares takes is 2", error.Message);
    }
}
