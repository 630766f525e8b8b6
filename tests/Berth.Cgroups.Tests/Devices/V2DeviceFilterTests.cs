using Berth.Cgroups.Devices;
using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>Installing and replacing the cgroup2 device filter: the order of bpf(2) calls, so no update leaves the cgroup unfiltered.</summary>
public sealed class V2DeviceFilterTests : IDisposable
{
    private readonly FakeDeviceFilterKernel _kernel = new();
    private readonly FakeV2Kernel _fs = new();

    public void Dispose()
    {
        Assert.Empty(_kernel.OpenFds); // every fd opened was closed
        _fs.Dispose();
    }

    private void Set(params DeviceCgroup[] devices) => V2Devices.Set(_fs, "/cg/c1", [.. devices], _kernel);

    private static DeviceCgroup Allow(long minor) => new() { Allow = true, Type = "c", Major = 1, Minor = minor, Access = "rwm" };

    private static readonly DeviceCgroup DenyAll = new() { Allow = false, Access = "rwm" };

    [Fact]
    public void The_first_filter_is_loaded_and_attached_and_traced()
    {
        Set(DenyAll, Allow(3));
        Assert.Equal(["load 100", "attach 100"], _kernel.Calls);
        Assert.Equal([100u], _kernel.Attached);
        Assert.Equal(["cgroup: devices: loaded eBPF device filter (13 instructions, deny-all with 1 allow exception(s)) on /cg/c1, attached (BPF_F_ALLOW_MULTI)"],
            _fs.Trace);
    }

    [Fact]
    public void An_update_replaces_the_one_filter_atomically()
    {
        Set(DenyAll, Allow(3));
        Set(DenyAll, Allow(5));
        Assert.Equal(["load 100", "attach 100", "load 101", "attach 101 replace 100"], _kernel.Calls);
        Assert.Equal([101u], _kernel.Attached);
        Assert.EndsWith("on /cg/c1, replacing program id 100 atomically (BPF_F_REPLACE)", _fs.Trace[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_replace_support_the_new_filter_is_attached_before_the_old_one_goes()
    {
        Set(DenyAll, Allow(3));
        _kernel.ReplaceUnsupported = true;
        Set(DenyAll, Allow(5));
        Assert.Equal(["load 100", "attach 100", "load 101", "attach 101", "detach 100"], _kernel.Calls);
        Assert.Equal([101u], _kernel.Attached);
    }

    [Fact]
    public void Several_old_filters_are_all_detached_after_the_new_one_is_attached()
    {
        Set(DenyAll);
        _kernel.Attached.Add(7); // one attached by someone else, e.g. systemd: BPF_F_REPLACE swaps only one
        Set(DenyAll, Allow(3));
        Assert.Equal(["load 100", "attach 100", "load 101", "attach 101", "detach 100", "detach 7"], _kernel.Calls);
        Assert.EndsWith("attached (BPF_F_ALLOW_MULTI), then detached old program id(s) 100, 7", _fs.Trace[^1], StringComparison.Ordinal);
        Assert.Equal([101u], _kernel.Attached);
    }

    [Fact]
    public void No_devices_field_leaves_the_filter_alone()
    {
        V2Devices.Set(_fs, "/cg/c1", null, _kernel);
        Assert.Empty(_kernel.Calls);
    }

    [Fact]
    public void A_load_failure_is_an_error_unless_the_rules_allow_everything()
    {
        _kernel.LoadErrno = 22;
        var error = Assert.Throws<CgroupException>(() => Set(DenyAll, Allow(3)));
        Assert.Equal(22, error.Errno);
        Set(new DeviceCgroup { Allow = true, Access = "rwm" });
        Assert.StartsWith("cgroup: devices: no eBPF device filter on /cg/c1 (bpf(BPF_PROG_LOAD): refused)", _fs.Trace[^1], StringComparison.Ordinal);
    }
}
