using Berth.Cgroups.Devices;
using Berth.Cgroups.Tests.Real;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>The v1 devices controller against the real /sys/fs/cgroup/devices: writes, devices.list, and what a process can open.</summary>
[Trait("Category", "Root")]
public sealed class RealV1DevicesTests : RealCgroupTest
{
    protected override CgroupHost ManagedHost =>
        CgroupHost.ForV1(new Dictionary<string, string> { ["devices"] = Host.V1Mountpoints["devices"] }, null);

    private static Resources Devices(params DeviceCgroup[] rules) => new() { Devices = [.. rules] };

    private static DeviceCgroup Allow(long major, long minor) => new() { Allow = true, Type = "c", Major = major, Minor = minor, Access = "rwm" };

    private static readonly DeviceCgroup DenyAll = new() { Allow = false, Access = "rwm" };

    [DevicesRootFact(DevicesNeed.V1Hierarchy)]
    public void Deny_all_then_allow_null_lets_a_process_use_dev_null_but_not_dev_zero()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        string directory = manager.Paths["devices"];
        Assert.Equal("a *:* rwm", ReadValue(directory, "devices.list")); // inherited from the unrestricted parent

        manager.Set(Devices(DenyAll, Allow(1, 3)));

        Assert.Equal("c 1:3 rwm", ReadValue(directory, "devices.list"));
        Assert.Equal(
            [$"cgroup: write a to {directory}/devices.deny", $"cgroup: write c 1:3 rwm to {directory}/devices.allow"],
            Trace.Where(l => l.StartsWith("cgroup: write", StringComparison.Ordinal)));
        Assert.Contains($"cgroup: devices: deny-all with 1 allow exception(s) for {directory}: 2 write(s) to devices.deny/devices.allow", Trace);
        string output = ShellInCgroup.Run(directory, ShellInCgroup.Probe("null", "zero"));
        Assert.Contains("null: ok", output, StringComparison.Ordinal);
        Assert.Contains("zero: denied:", output, StringComparison.Ordinal);
        Assert.Contains("Operation not permitted", output, StringComparison.Ordinal);
    }

    [DevicesRootFact(DevicesNeed.V1Hierarchy)]
    public void An_update_of_a_live_cgroup_writes_only_the_difference()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        string directory = manager.Paths["devices"];
        manager.Set(Devices(DenyAll, Allow(1, 3)));
        Trace.Clear();

        manager.Set(Devices(DenyAll, Allow(1, 5)));

        Assert.Equal(
            [$"cgroup: write c 1:3 rwm to {directory}/devices.deny", $"cgroup: write c 1:5 rwm to {directory}/devices.allow"],
            Trace.Where(l => l.StartsWith("cgroup: write", StringComparison.Ordinal)));
        Assert.Equal("c 1:5 rwm", ReadValue(directory, "devices.list"));
        string output = ShellInCgroup.Run(directory, ShellInCgroup.Probe("null", "zero"));
        Assert.Contains("null: denied:", output, StringComparison.Ordinal);
        Assert.Contains("zero: ok", output, StringComparison.Ordinal);

        Trace.Clear();
        manager.Set(Devices(DenyAll, Allow(1, 5)));
        Assert.DoesNotContain(Trace, l => l.StartsWith("cgroup: write", StringComparison.Ordinal));
    }

    [DevicesRootFact(DevicesNeed.V1Hierarchy)]
    public void Runcs_defaults_after_the_default_spec_give_the_kernel_exactly_that_list()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        manager.Set(DefaultDeviceRules.AppendTo(Devices(DenyAll)));
        var listed = File.ReadAllLines(Path.Join(manager.Paths["devices"], "devices.list")).Order();
        var expected = DefaultDeviceRules.Runc.Select(r => r.CgroupText).Order();
        Assert.Equal(expected, listed);
        // /dev/tty is left out: without a controlling terminal its open fails with ENXIO whatever the cgroup says.
        string output = ShellInCgroup.Run(manager.Paths["devices"], ShellInCgroup.Probe("null", "zero", "full", "random", "urandom", "ptmx", "kmsg"));
        Assert.Equal(6, output.Split('\n').Count(l => l.EndsWith(": ok", StringComparison.Ordinal)));
        Assert.Contains("kmsg: denied:", output, StringComparison.Ordinal); // 1:11, not in the list
    }
}
