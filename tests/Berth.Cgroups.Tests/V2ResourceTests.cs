using Berth.Cgroups.Tests.Fakes;
using Berth.Cgroups.V2;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>linux.resources → cgroup2 files: exact contents, conversions, and errors that name the file.</summary>
public sealed class V2ResourceTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly FakeV2Kernel _fake = new();
    private readonly ICgroupManager _manager;

    public V2ResourceTests()
    {
        _manager = CgroupManagerFactory.Create(_fake.Host, "/berth/c1", "c1", _fake);
        _manager.Create();
    }

    public void Dispose() => _fake.Dispose();

    private string Read(string file) => _fake.ReadText(Path.Join(_manager.Paths[""], file));

    [Fact]
    public void Memory_limit_reservation_and_swap_go_to_max_low_and_swap_max()
    {
        _manager.Set(new Resources { Memory = new Memory { Limit = 256 * MiB, Reservation = 128 * MiB, Swap = 384 * MiB } });
        Assert.Equal("268435456", Read("memory.max"));
        Assert.Equal("134217728", Read("memory.low"));
        Assert.Equal("134217728", Read("memory.swap.max")); // swap alone = memory+swap - memory
    }

    [Theory]
    [InlineData(256L * MiB, -1L, "268435456", "max")]
    [InlineData(-1L, 0L, "max", "max")]
    [InlineData(256L * MiB, 256L * MiB, "268435456", "0")]
    [InlineData(256L * MiB, 0L, "268435456", "max")] // swap not set: untouched
    public void Swap_is_converted_from_memory_plus_swap(long limit, long swap, string memoryMax, string swapMax)
    {
        _manager.Set(new Resources { Memory = new Memory { Limit = limit, Swap = swap } });
        Assert.Equal(memoryMax, Read("memory.max"));
        Assert.Equal(swapMax, Read("memory.swap.max"));
    }

    [Theory]
    [InlineData(0L, 512L * MiB)]
    [InlineData(512L * MiB, 256L * MiB)]
    public void Swap_without_a_limit_or_below_it_is_refused(long limit, long swap)
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = limit, Swap = swap } }));
        Assert.Contains("linux.resources.memory.swap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_swap_accounting_unlimited_swap_is_skipped_but_a_swap_limit_names_the_file()
    {
        using var fake = new FakeV2Kernel(swapAccounting: false);
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/c", "c", fake);
        manager.Create();
        manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = -1 } });
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB } }));
        Assert.StartsWith($"write 67108864 to {fake.Root}/c/memory.swap.max: No such file or directory (swap accounting is off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swappiness_and_disableOOMKiller_are_ignored_and_traced()
    {
        _manager.Set(new Resources { Memory = new Memory { Swappiness = 10, DisableOOMKiller = true } });
        Assert.Contains(_fake.Trace, l => l.Contains("swappiness 10 ignored", StringComparison.Ordinal));
        Assert.Contains(_fake.Trace, l => l.Contains("disableOOMKiller ignored", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(2UL, 1UL)]
    [InlineData(512UL, 20UL)]
    [InlineData(1024UL, 39UL)]
    [InlineData(2048UL, 79UL)]
    [InlineData(262144UL, 10000UL)]
    [InlineData(1000000UL, 10000UL)]
    public void Shares_convert_to_weight_like_crun(ulong shares, ulong weight) =>
        Assert.Equal(weight, CpuWeight.FromShares(shares));

    [Fact]
    public void Shares_are_written_as_cpu_weight()
    {
        _manager.Set(new Resources { Cpu = new Cpu { Shares = 1024 } });
        Assert.Equal("39", Read("cpu.weight"));
    }

    [Theory]
    [InlineData(50000L, 100000UL, "50000 100000")]
    [InlineData(-1L, 100000UL, "max 100000")]
    [InlineData(25000L, 0UL, "25000")]
    [InlineData(0L, 20000UL, "max 20000")]
    public void Quota_and_period_become_cpu_max(long quota, ulong period, string expected)
    {
        _manager.Set(new Resources { Cpu = new Cpu { Quota = quota, Period = period } });
        Assert.Equal(expected, Read("cpu.max"));
    }

    [Fact]
    public void Idle_and_burst_are_written()
    {
        _manager.Set(new Resources { Cpu = new Cpu { Idle = 1, Burst = 1000 } });
        Assert.Equal("1", Read("cpu.idle"));
        Assert.Equal("1000", Read("cpu.max.burst"));
    }

    [Fact]
    public void Realtime_limits_are_refused_on_v2()
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Cpu = new Cpu { RealtimeRuntime = 950000 } }));
        Assert.Contains("realtimeRuntime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_keys_are_written_as_files_after_the_typed_fields()
    {
        var unified = new Dictionary<string, string> { ["memory.high"] = "100000000", ["pids.max"] = "7" };
        _manager.Set(new Resources { Pids = new Pids { Limit = 20 }, Unified = unified });
        Assert.Equal("100000000", Read("memory.high"));
        Assert.Equal("7", Read("pids.max"));
    }

    [Theory]
    [InlineData("../cgroup.procs")]
    [InlineData("sub/pids.max")]
    [InlineData("..")]
    [InlineData("")]
    public void Unified_keys_with_a_slash_or_dotdot_are_refused(string key)
    {
        int writes = _fake.Writes.Count;
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Unified = new() { [key] = "1" } }));
        Assert.Contains($"linux.resources.unified key \"{key}\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(writes, _fake.Writes.Count);
    }

    [Fact]
    public void A_controller_that_is_not_enabled_is_named_with_what_to_do()
    {
        using var fake = new FakeV2Kernel(rootControllers: "cpu pids");
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/berth/c1", "c1", fake);
        manager.Create();
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB } }));
        Assert.Equal(
            $"write 67108864 to {fake.Root}/berth/c1/memory.max: No such file or directory " +
            $"(enable the memory controller in cgroup.subtree_control of {fake.Root}/berth)", error.Message);
        Assert.Equal(2, error.Errno);
    }

    [Fact]
    public void Set_before_Create_says_the_cgroup_does_not_exist()
    {
        ICgroupManager manager = CgroupManagerFactory.Create(_fake.Host, "/other", "c1", _fake);
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Pids = new Pids { Limit = 5 } }));
        Assert.EndsWith($"(the cgroup {_fake.Root}/other does not exist: create it first)", error.Message, StringComparison.Ordinal);
    }
}
