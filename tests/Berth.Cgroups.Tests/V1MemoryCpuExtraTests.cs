using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>v1 memory and cpu details of runc's behaviour: usage checks, kernel limits ignored, optional files, real-time hints.</summary>
public sealed class V1MemoryCpuExtraTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly FakeV1Kernel _fake = new();
    private readonly ICgroupManager _manager;

    public V1MemoryCpuExtraTests()
    {
        _manager = CgroupManagerFactory.Create(_fake.Host, "/berth/c1", "c1", _fake);
        _manager.Create();
    }

    public void Dispose() => _fake.Dispose();

    private string Dir(string controller) => _manager.Paths[controller];

    [Fact]
    public void CheckBeforeUpdate_refuses_a_limit_not_above_usage_without_writing()
    {
        _fake.Put(Dir("memory"), "memory.usage_in_bytes", (100 * MiB).ToString());
        int writes = _fake.Writes.Count;
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, CheckBeforeUpdate = true } }));
        Assert.Equal("linux.resources.memory.limit 67108864 rejected (checkBeforeUpdate): memory in use is already 104857600; choose a higher limit", error.Message);
        Assert.Equal(writes, _fake.Writes.Count);
        _manager.Set(new Resources { Memory = new Memory { Limit = 128 * MiB, CheckBeforeUpdate = true } });
    }

    [Fact]
    public void CheckBeforeUpdate_compares_swap_with_memory_plus_swap_usage()
    {
        _fake.Put(Dir("memory"), "memory.memsw.usage_in_bytes", (300 * MiB).ToString());
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 128 * MiB, Swap = 256 * MiB, CheckBeforeUpdate = true } }));
        Assert.StartsWith("linux.resources.memory.swap 268435456 rejected (checkBeforeUpdate)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_the_kernel_cannot_reclaim_to_reports_usage_like_runc()
    {
        _fake.Put(Dir("memory"), "memory.usage_in_bytes", (100 * MiB).ToString());
        _fake.Put(Dir("memory"), "memory.max_usage_in_bytes", (120 * MiB).ToString());
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB } }));
        Assert.EndsWith("Device or resource busy (cannot set linux.resources.memory.limit to 67108864: current usage 104857600, peak usage 125829120)",
            error.Message, StringComparison.Ordinal);
        Assert.Equal(16, error.Errno);
    }

    [Fact]
    public void Raising_the_limit_alone_above_memsw_says_to_give_swap_too()
    {
        _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB } });
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 256 * MiB } }));
        Assert.EndsWith("(memory.limit_in_bytes may not exceed memory.memsw.limit_in_bytes, now 134217728: give linux.resources.memory.swap too, at least as high as the limit)",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kernel_memory_limits_are_ignored_and_traced_and_use_hierarchy_is_written()
    {
        int writes = _fake.Writes.Count;
        _manager.Set(new Resources { Memory = new Memory { Kernel = 64 * MiB, KernelTCP = 8 * MiB, UseHierarchy = true } });
        Assert.Equal([$"write 1 to /memory/berth/c1/memory.use_hierarchy"], _fake.Writes.Skip(writes));
        Assert.Contains(_fake.Trace, l => l.EndsWith("memory.kernel 67108864 ignored: kernel memory limits are deprecated", StringComparison.Ordinal));
        Assert.Contains(_fake.Trace, l => l.EndsWith("memory.kernelTCP 8388608 ignored: kernel memory limits are deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public void Burst_and_idle_of_zero_are_skipped_when_the_kernel_lacks_the_files()
    {
        File.Delete(Path.Join(Dir("cpu"), "cpu.cfs_burst_us"));
        File.Delete(Path.Join(Dir("cpu"), "cpu.idle"));
        int writes = _fake.Writes.Count;
        _manager.Set(new Resources { Cpu = new Cpu { Burst = 0, Idle = 0 } });
        Assert.Equal(writes, _fake.Writes.Count);
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Cpu = new Cpu { Idle = 1 } }));
        Assert.EndsWith("cpu.idle: No such file or directory (this kernel's cpu controller has no cpu.idle: it was built without that feature; remove the setting from linux.resources)",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Realtime_files_missing_say_rt_group_scheduling_is_off()
    {
        File.Delete(Path.Join(Dir("cpu"), "cpu.rt_period_us"));
        File.Delete(Path.Join(Dir("cpu"), "cpu.rt_runtime_us"));
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Cpu = new Cpu { RealtimePeriod = 1000000, RealtimeRuntime = 10000 } }));
        Assert.Contains("real-time group scheduling (CONFIG_RT_GROUP_SCHED) is off; remove linux.resources.cpu.realtimeRuntime/realtimePeriod", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Errno);
    }
}
