using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>linux.resources on v1 beyond pids/memory/cpu basics: blkio, hugetlb, net_cls/net_prio, rdma, memory and cpu extras.</summary>
public sealed class V1MoreResourceTests : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly FakeV1Kernel _fake = new(allControllers: true);
    private readonly ICgroupManager _manager;

    public V1MoreResourceTests()
    {
        _manager = Create(_fake);
    }

    public void Dispose() => _fake.Dispose();

    private static ICgroupManager Create(FakeV1Kernel fake)
    {
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/berth/c1", "c1", fake);
        manager.Create();
        return manager;
    }

    private string Read(string controller, string file) => _fake.ReadText(Path.Join(_manager.Paths[controller], file));

    private List<string> WritesDuring(FakeV1Kernel fake, Action action)
    {
        int before = fake.Writes.Count;
        action();
        return fake.Writes.Skip(before).Select(w => w.Replace("/berth/c1/", " ", StringComparison.Ordinal)).ToList();
    }

    private static BlockIO Throttles() => new()
    {
        ThrottleReadBpsDevice = [new ThrottleDevice { Major = 8, Minor = 0, Rate = 1048576 }],
        ThrottleWriteBpsDevice = [new ThrottleDevice { Major = 8, Minor = 0, Rate = 2097152 }],
        ThrottleReadIOPSDevice = [new ThrottleDevice { Major = 8, Minor = 16, Rate = 100 }],
        ThrottleWriteIOPSDevice = [new ThrottleDevice { Major = 8, Minor = 16, Rate = 200 }],
    };

    [Fact]
    public void Blkio_weights_go_to_bfq_files_when_cfq_is_absent_and_throttles_one_write_per_device()
    {
        var io = Throttles();
        io.Weight = 300;
        io.WeightDevice = [new WeightDevice { Major = 8, Minor = 0, Weight = 500 }];
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { BlockIO = io }));
        Assert.Equal([
            "write 300 to /blkio blkio.bfq.weight", "write 8:0 500 to /blkio blkio.bfq.weight_device",
            "write 8:0 1048576 to /blkio blkio.throttle.read_bps_device", "write 8:0 2097152 to /blkio blkio.throttle.write_bps_device",
            "write 8:16 100 to /blkio blkio.throttle.read_iops_device", "write 8:16 200 to /blkio blkio.throttle.write_iops_device",
        ], writes);
    }

    [Fact]
    public void Blkio_weights_and_leaf_weights_go_to_cfq_files_when_the_kernel_has_them()
    {
        using var fake = new FakeV1Kernel(cfq: true);
        ICgroupManager manager = Create(fake);
        var io = new BlockIO { Weight = 300, LeafWeight = 200, WeightDevice = [new WeightDevice { Major = 8, Minor = 0, Weight = 500, LeafWeight = 100 }] };
        List<string> writes = WritesDuring(fake, () => manager.Set(new Resources { BlockIO = io }));
        Assert.Equal(["write 300 to /blkio blkio.weight", "write 200 to /blkio blkio.leaf_weight",
            "write 8:0 500 to /blkio blkio.weight_device", "write 8:0 100 to /blkio blkio.leaf_weight_device"], writes);
    }

    [Fact]
    public void A_leaf_weight_without_cfq_names_the_file_and_the_scheduler()
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { BlockIO = new BlockIO { LeafWeight = 200 } }));
        Assert.Contains("blkio.leaf_weight: No such file or directory (this kernel has no blkio.leaf_weight: leaf weights exist only with the CFQ scheduler",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_without_any_proportional_scheduler_says_how_to_get_bfq()
    {
        File.Delete(Path.Join(_manager.Paths["blkio"], "blkio.bfq.weight"));
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { BlockIO = new BlockIO { Weight = 300 } }));
        Assert.Contains("neither blkio.weight (CFQ) nor blkio.bfq.weight (BFQ): load BFQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_device_number_is_refused_naming_the_field()
    {
        var io = new BlockIO { ThrottleReadBpsDevice = [new ThrottleDevice { Major = -1, Minor = 0, Rate = 1 }] };
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { BlockIO = io }));
        Assert.Equal("linux.resources.blockIO.throttleReadBpsDevice: device -1:0 must have non-negative major and minor numbers", error.Message);
    }

    [Fact]
    public void Hugepage_limits_are_written_with_their_rsvd_variant()
    {
        _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = "2MB", Limit = 4 * 2 * MiB }] });
        Assert.Equal("8388608", Read("hugetlb", "hugetlb.2MB.limit_in_bytes"));
        Assert.Equal("8388608", Read("hugetlb", "hugetlb.2MB.rsvd.limit_in_bytes"));
        Assert.Equal(FakeV1Kernel.Unlimited, Read("hugetlb", "hugetlb.1GB.limit_in_bytes"));
    }

    [Fact]
    public void Without_rsvd_files_only_the_limit_is_written()
    {
        File.Delete(Path.Join(_manager.Paths["hugetlb"], "hugetlb.2MB.rsvd.limit_in_bytes"));
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = "2MB", Limit = 0 }] }));
        Assert.Equal(["write 0 to /hugetlb hugetlb.2MB.limit_in_bytes"], writes);
    }

    [Fact]
    public void An_unsupported_page_size_lists_the_supported_ones()
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = "64KB", Limit = 1 }] }));
        Assert.StartsWith("linux.resources.hugepageLimits: this host has no 64KB huge pages", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("supported page sizes: 1GB, 2MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../memory.limit_in_bytes")]
    [InlineData("2mb")]
    [InlineData("02MB")]
    [InlineData("MB")]
    [InlineData("")]
    public void A_page_size_that_is_not_a_size_name_is_refused(string pageSize)
    {
        var error = Assert.Throws<CgroupException>(() => _manager.Set(new Resources { HugepageLimits = [new HugepageLimit { PageSize = pageSize, Limit = 1 }] }));
        Assert.Contains($"pageSize \"{pageSize}\" is not a huge page size name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_class_id_and_priorities_go_to_net_cls_and_net_prio()
    {
        var network = new Network { ClassID = 0x100001, Priorities = [new NetworkPriority { Name = "eth0", Priority = 5 }, new NetworkPriority { Name = "lo", Priority = 2 }] };
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { Network = network }));
        Assert.Equal(["write 1048577 to /net_cls,net_prio net_cls.classid", "write eth0 5 to /net_cls,net_prio net_prio.ifpriomap",
            "write lo 2 to /net_cls,net_prio net_prio.ifpriomap"], writes);
    }

    [Fact]
    public void Rdma_limits_are_one_line_per_device_with_only_the_given_keys()
    {
        var rdma = new Dictionary<string, Rdma> { ["mlx5_1"] = new() { HcaObjects = 100 }, ["mlx5_0"] = new() { HcaHandles = 2, HcaObjects = 2000 } };
        List<string> writes = WritesDuring(_fake, () => _manager.Set(new Resources { Rdma = rdma }));
        Assert.Equal(["write mlx5_0 hca_handle=2 hca_object=2000 to /rdma rdma.max", "write mlx5_1 hca_object=100 to /rdma rdma.max"], writes);
    }

    [Theory]
    [InlineData("blockIO", "blkio")]
    [InlineData("hugepageLimits", "hugetlb")]
    [InlineData("network.classID", "net_cls")]
    [InlineData("network.priorities", "net_prio")]
    [InlineData("rdma", "rdma")]
    public void A_field_whose_controller_is_not_mounted_is_refused(string field, string controller)
    {
        var mounts = _fake.Host.V1Mountpoints.Where(kv => kv.Key != controller).ToDictionary();
        ICgroupManager manager = CgroupManagerFactory.Create(CgroupHost.ForV1(mounts, null), "/c", "c", _fake);
        manager.Create();
        Resources resources = field switch
        {
            "blockIO" => new Resources { BlockIO = new BlockIO { Weight = 100 } },
            "hugepageLimits" => new Resources { HugepageLimits = [new HugepageLimit { PageSize = "2MB", Limit = 1 }] },
            "network.classID" => new Resources { Network = new Network { ClassID = 1 } },
            "network.priorities" => new Resources { Network = new Network { Priorities = [new NetworkPriority { Name = "lo", Priority = 1 }] } },
            _ => new Resources { Rdma = new() { ["mlx5_0"] = new Rdma { HcaHandles = 1 } } },
        };
        var error = Assert.Throws<CgroupException>(() => manager.Set(resources));
        Assert.Equal($"linux.resources.{field} needs the {controller} controller, which has no cgroup v1 hierarchy mounted on this host", error.Message);
    }
}
