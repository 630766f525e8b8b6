using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>linux.resources on cgroup2 beyond pids/memory/cpu basics: io, hugetlb, rdma, network, memory extras.</summary>
public sealed class V2MoreResourceTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private const string AllControllers = "cpuset cpu io memory hugetlb pids rdma";
    private readonly FakeV2Kernel _fake = new(AllControllers);
    private readonly ICgroupManager _manager;

    public V2MoreResourceTests()
    {
        _manager = Create(_fake);
    }

    public void Dispose() => _fake.Dispose();

    private static ICgroupManager Create(FakeV2Kernel fake)
    {
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/berth/c1", "c1", fake);
        manager.Create();
        return manager;
    }

    private static List<string> WritesDuring(FakeV2Kernel fake, Action action)
    {
        int before = fake.Writes.Count;
        action();
        return fake.Writes.Skip(before).Select(w => w.Replace(" to /berth/c1/", " to ", StringComparison.Ordinal)).ToList();
    }

    [Theory]
    [InlineData((ushort)10, "1")]
    [InlineData((ushort)100, "910")]
    [InlineData((ushort)500, "4950")]
    [InlineData((ushort)1000, "10000")]
    public void Without_bfq_the_weight_is_converted_to_io_weight(ushort weight, string expected)
    {
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { BlockIO = new BlockIO { Weight = weight } }));
        Assert.Equal([$"write {expected} to io.weight"], writes);
    }

    [Fact]
    public void With_bfq_weights_go_to_io_bfq_weight_unconverted_and_per_device()
    {
        using var fake = new FakeV2Kernel(AllControllers, bfqWeight: "default 100\n");
        ICgroupManager manager = Create(fake);
        var io = new BlockIO { Weight = 300, WeightDevice = [new WeightDevice { Major = 8, Minor = 0, Weight = 500 }] };
        List<string> writes = WritesDuring(fake, () => manager.Set(new Resources { BlockIO = io }));
        Assert.Equal(["write 300 to io.bfq.weight", "write 8:0 500 to io.bfq.weight"], writes);
    }

    [Fact]
    public void Old_bfq_without_per_device_weights_gets_device_weights_in_io_weight()
    {
        using var fake = new FakeV2Kernel(AllControllers, bfqWeight: "100\n");
        ICgroupManager manager = Create(fake);
        var io = new BlockIO { WeightDevice = [new WeightDevice { Major = 8, Minor = 0, Weight = 100 }] };
        Assert.Equal(["write 8:0 910 to io.weight"], WritesDuring(fake, () => manager.Set(new Resources { BlockIO = io })));
    }

    [Fact]
    public void Throttles_become_one_io_max_line_per_device_and_leaf_weights_are_ignored()
    {
        var io = new BlockIO
        {
            LeafWeight = 100,
            ThrottleReadBpsDevice = [new ThrottleDevice { Major = 8, Minor = 0, Rate = 1048576 }],
            ThrottleWriteIOPSDevice = [new ThrottleDevice { Major = 8, Minor = 0, Rate = 100 }, new ThrottleDevice { Major = 8, Minor = 16, Rate = 5 }],
            ThrottleReadIOPSDevice = [new ThrottleDevice { Major = 8, Minor = 16, Rate = 7 }],
        };
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { BlockIO = io }));
        Assert.Equal(["write 8:0 rbps=1048576 wiops=100 to io.max", "write 8:16 riops=7 wiops=5 to io.max"], writes);
        Assert.Contains(_fake.Trace, l => l.EndsWith("blockIO.leafWeight 100 ignored: cgroup v2 has no leaf weights", StringComparison.Ordinal));
    }

    [Fact]
    public void Io_without_the_io_controller_says_to_enable_it()
    {
        using var fake = new FakeV2Kernel("memory pids");
        ICgroupManager manager = Create(fake);
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { BlockIO = new BlockIO { Weight = 100 } }));
        Assert.EndsWith("io.weight: No such file or directory (enable the io controller in cgroup.subtree_control of " + fake.Root + "/berth)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hugepage_limits_go_to_max_and_rsvd_max()
    {
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = "1GB", Limit = 1 << 30 }] }));
        Assert.Equal(["write 1073741824 to hugetlb.1GB.max", "write 1073741824 to hugetlb.1GB.rsvd.max"], writes);
    }

    [Fact]
    public void An_unsupported_page_size_on_v2_lists_the_supported_ones()
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = "16GB", Limit = 1 }] }));
        Assert.EndsWith("hugetlb.16GB.max does not exist); supported page sizes: 1GB, 2MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rdma_limits_are_written_to_rdma_max()
    {
        var rdma = new Dictionary<string, Rdma> { ["mlx5_0"] = new() { HcaHandles = 3 } };
        Assert.Equal(["write mlx5_0 hca_handle=3 to rdma.max"], WritesDuring(_fake, () => _manager.Set(new Resources { Rdma = rdma })));
    }

    [Fact]
    public void Network_is_ignored_on_v2_like_runc_and_traced()
    {
        var network = new Network { ClassID = 7, Priorities = [new NetworkPriority { Name = "eth0", Priority = 1 }] };
        Assert.Empty(WritesDuring(_fake, () => _manager.Set(new Resources { Network = network })));
        Assert.Contains(_fake.Trace, l => l.EndsWith("linux.resources.network ignored: net_cls and net_prio exist only on cgroup v1", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckBeforeUpdate_refuses_a_limit_below_memory_current()
    {
        _fake.Put(_manager.Paths[""], "memory.current", (80 * MiB).ToString());
        int writes = _fake.Writes.Count;
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, CheckBeforeUpdate = true } }));
        Assert.StartsWith("linux.resources.memory.limit 67108864 rejected (checkBeforeUpdate): memory in use is already 83886080", error.Message, StringComparison.Ordinal);
        Assert.Equal(writes, _fake.Writes.Count);
        _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB } }); // without the check the kernel is asked (and would OOM-kill)
        Assert.Equal("67108864", _fake.ReadText(Path.Join(_manager.Paths[""], "memory.max")));
    }

    [Fact]
    public void CheckBeforeUpdate_counts_swap_in_use_against_memory_plus_swap()
    {
        _fake.Put(_manager.Paths[""], "memory.current", (60 * MiB).ToString());
        _fake.Put(_manager.Paths[""], "memory.swap.current", (70 * MiB).ToString());
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB, CheckBeforeUpdate = true } }));
        Assert.StartsWith("linux.resources.memory.swap 134217728 rejected (checkBeforeUpdate): memory+swap in use is already 136314880", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kernel_limits_and_use_hierarchy_are_ignored_on_v2()
    {
        Assert.Empty(WritesDuring(_fake, () => _manager.Set(new Resources { Memory = new Memory { Kernel = MiB, KernelTCP = MiB, UseHierarchy = true } })));
        Assert.Contains(_fake.Trace, l => l.EndsWith("useHierarchy ignored: cgroup v2 is always hierarchical", StringComparison.Ordinal));
        Assert.Contains(_fake.Trace, l => l.EndsWith("kernelTCP 1048576 ignored: kernel memory limits are deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public void Update_of_memory_with_swap_writes_swap_first_then_the_limit()
    {
        _manager.Set(new Resources { Memory = new Memory { Limit = 64 * MiB, Swap = 128 * MiB } });
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { Memory = new Memory { Limit = 256 * MiB, Swap = 512 * MiB } }));
        Assert.Equal(["write 268435456 to memory.swap.max", "write 268435456 to memory.max"], writes);
    }
}
