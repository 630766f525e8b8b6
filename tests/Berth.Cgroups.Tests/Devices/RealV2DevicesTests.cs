using Berth.Cgroups.Devices;
using Berth.Cgroups.Tests.Real;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// The eBPF device filter on the real cgroup2 mount (on a hybrid host the controller-less /sys/fs/cgroup/unified:
/// device programs attach to any cgroup2 directory): what a process can open, and replacing the filter.
/// </summary>
[Trait("Category", "Root")]
public sealed class RealV2DevicesTests : RealCgroupTest
{
    protected override CgroupHost ManagedHost => CgroupHost.ForV2(Host.UnifiedMountpoint!);

    private static Resources Devices(params DeviceCgroup[] rules) => new() { Devices = [.. rules] };

    private static DeviceCgroup Allow(long major, long minor, string access = "rwm") =>
        new() { Allow = true, Type = "c", Major = major, Minor = minor, Access = access };

    private static readonly DeviceCgroup DenyAll = new() { Allow = false, Access = "rwm" };

    private static uint[] AttachedPrograms(string directory)
    {
        int fd = BpfKernel.Instance.OpenCgroup(directory);
        try
        {
            return BpfKernel.Instance.QueryDevicePrograms(fd, directory);
        }
        finally
        {
            BpfKernel.Instance.Close(fd);
        }
    }

    [DevicesRootFact(DevicesNeed.Cgroup2)]
    public void Deny_all_then_allow_null_lets_a_process_use_dev_null_but_not_dev_zero()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        string directory = manager.Paths[""];

        manager.Set(Devices(DenyAll, Allow(1, 3)));

        Assert.Single(AttachedPrograms(directory));
        Assert.Contains($"cgroup: devices: loaded eBPF device filter (13 instructions, deny-all with 1 allow exception(s)) on {directory}, attached (BPF_F_ALLOW_MULTI)", Trace);
        string output = ShellInCgroup.Run(directory, ShellInCgroup.Probe("null", "zero"));
        Assert.Contains("null: ok", output, StringComparison.Ordinal);
        Assert.Contains("zero: denied:", output, StringComparison.Ordinal);
        Assert.Contains("Operation not permitted", output, StringComparison.Ordinal);
    }

    [DevicesRootFact(DevicesNeed.Cgroup2)]
    public void An_update_replaces_the_filter_and_leaves_exactly_one_attached()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        string directory = manager.Paths[""];
        manager.Set(Devices(DenyAll, Allow(1, 3)));
        uint first = Assert.Single(AttachedPrograms(directory));

        manager.Set(Devices(DenyAll, Allow(1, 5)));

        uint second = Assert.Single(AttachedPrograms(directory));
        Assert.NotEqual(first, second);
        Assert.Contains(Trace, l => l.EndsWith($"on {directory}, replacing program id {first} atomically (BPF_F_REPLACE)", StringComparison.Ordinal)
            || l.EndsWith($"then detached old program id(s) {first}", StringComparison.Ordinal));
        string output = ShellInCgroup.Run(directory, ShellInCgroup.Probe("null", "zero"));
        Assert.Contains("null: denied:", output, StringComparison.Ordinal);
        Assert.Contains("zero: ok", output, StringComparison.Ordinal);
    }

    [DevicesRootFact(DevicesNeed.Cgroup2)]
    public void Partial_access_read_only_refuses_a_read_write_open_but_allows_reading()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        string directory = manager.Paths[""];
        manager.Set(Devices(DenyAll, Allow(1, 5, "r"), new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" },
            new DeviceCgroup { Allow = false, Type = "c", Major = 1, Minor = 3, Access = "w" }));
        string output = ShellInCgroup.Run(directory,
            ShellInCgroup.Probe("zero", "null") + "; head -c1 /dev/zero >/dev/null 2>&1 && echo zero-read: ok || echo zero-read: denied");
        Assert.Contains("zero: denied:", output, StringComparison.Ordinal);
        Assert.Contains("zero-read: denied", output, StringComparison.Ordinal); // writes to /dev/null (r m only now) fail
        string read = ShellInCgroup.Run(directory, "head -c1 /dev/zero | wc -c; cat /dev/null && echo null-read: ok");
        Assert.Contains("1", read, StringComparison.Ordinal);
        Assert.Contains("null-read: ok", read, StringComparison.Ordinal);
    }
}
