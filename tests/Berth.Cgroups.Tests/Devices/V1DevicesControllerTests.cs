using Berth.Cgroups.Devices;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>linux.resources.devices → devices.deny / devices.allow on a (fake) v1 hierarchy: order, minimal updates, read-back check.</summary>
public sealed class V1DevicesControllerTests : IDisposable
{
    private readonly FakeDevicesKernel _fake = new();
    private readonly ICgroupManager _manager;

    public V1DevicesControllerTests()
    {
        _manager = CgroupManagerFactory.Create(_fake.Host, "/berth/c1", "c1", _fake);
        _manager.Create();
    }

    public void Dispose() => _fake.Dispose();

    private static DeviceCgroup Allow(long major, long? minor, string access = "rwm") =>
        new() { Allow = true, Type = "c", Major = major, Minor = minor, Access = access };

    private static readonly DeviceCgroup DenyAll = new() { Allow = false, Access = "rwm" };

    private List<string> WritesDuring(params DeviceCgroup[] devices)
    {
        int before = _fake.Writes.Count;
        _manager.Set(new Resources { Devices = [.. devices] });
        return _fake.Writes.Skip(before).Select(w => w.Replace("/devices/berth/c1/", "", StringComparison.Ordinal)).ToList();
    }

    private string List() => _fake.ReadText(Path.Join(_manager.Paths["devices"], "devices.list"));

    [Fact]
    public void A_new_cgroup_gets_deny_all_first_then_each_allow()
    {
        Assert.Equal(["write a to devices.deny", "write c 1:3 rwm to devices.allow", "write c 136:* rwm to devices.allow"],
            WritesDuring(DenyAll, Allow(136, null), Allow(1, 3)));
        Assert.Equal("c 1:3 rwm\nc 136:* rwm", List());
    }

    [Fact]
    public void Updating_a_live_cgroup_takes_away_first_and_never_denies_all()
    {
        WritesDuring(DenyAll, Allow(1, 3), Allow(1, 5));
        Assert.Equal(["write c 1:3 w to devices.deny", "write c 1:9 rwm to devices.allow"],
            WritesDuring(DenyAll, Allow(1, 3, "rm"), Allow(1, 5), Allow(1, 9)));
        Assert.Equal("c 1:3 rm\nc 1:5 rwm\nc 1:9 rwm", List());
        Assert.Empty(WritesDuring(DenyAll, Allow(1, 3, "rm"), Allow(1, 5), Allow(1, 9)));
    }

    [Fact]
    public void No_devices_field_writes_nothing()
    {
        _manager.Set(new Resources { Devices = null });
        Assert.Empty(_fake.Writes);
        Assert.Equal("a *:* rwm", List());
    }

    [Fact]
    public void A_kernel_that_ends_up_elsewhere_is_an_error_naming_devices_list()
    {
        _fake.Ignored.Add("c 1:5 rwm");
        var error = Assert.Throws<CgroupException>(() => WritesDuring(DenyAll, Allow(1, 3), Allow(1, 5)));
        Assert.Equal($"{_manager.Paths["devices"]}/devices.list: after writing the device rules the kernel holds [deny a, allow c 1:3 rwm], " +
            "not [deny a, allow c 1:3 rwm, allow c 1:5 rwm] (a parent cgroup may allow less)", error.Message);
    }

    [Fact]
    public void An_invalid_rule_is_refused_before_anything_is_written()
    {
        var error = Assert.Throws<InvalidSpecException>(() => WritesDuring(DenyAll, new DeviceCgroup { Type = "x", Access = "r" }));
        Assert.StartsWith("linux.resources.devices[1].type:", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Writes);
    }

    [Fact]
    public void Runcs_defaults_come_after_the_specs_rules_and_share_the_other_fields()
    {
        var pids = new Pids { Limit = 9 };
        Resources resources = DefaultDeviceRules.AppendTo(new Resources { Devices = [DenyAll], Pids = pids });
        Assert.Same(pids, resources.Pids);
        Assert.Equal(["a", .. DefaultDeviceRules.Runc.Select(r => r.CgroupText)], DeviceRules.FromSpec(resources.Devices).Select(r => r.CgroupText));
        Assert.Equal(DefaultDeviceRules.Runc.Count, DefaultDeviceRules.AppendTo(null).Devices!.Count);
    }

    [Fact]
    public void AppendTo_carries_over_every_other_resources_field()
    {
        // Guards against a field added to Resources later and forgotten in the copy.
        var source = new Resources
        {
            Memory = new Memory(), Cpu = new Cpu(), Pids = new Pids(), BlockIO = new BlockIO(), HugepageLimits = [],
            Network = new Network(), Rdma = [], Unified = [],
        };
        Resources copy = DefaultDeviceRules.AppendTo(source);
        foreach (var property in typeof(Resources).GetProperties().Where(p => p.Name != nameof(Resources.Devices)))
        {
            Assert.True(property.GetValue(source) is not null, $"set {property.Name} in this test");
            Assert.Same(property.GetValue(source), property.GetValue(copy));
        }
    }
}
