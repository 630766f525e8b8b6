using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Real;

/// <summary>
/// The v2 manager against the real cgroup2 mount: the whole hierarchy on a V2 host, the controller-less
/// /sys/fs/cgroup/unified on a hybrid one (so there it can only create, join, list and remove).
/// </summary>
[Trait("Category", "Root")]
public sealed class RealUnifiedCgroupTests : RealCgroupTest
{
    protected override CgroupHost ManagedHost => CgroupHost.ForV2(Host.UnifiedMountpoint!);

    [RootFact(HostNeed.Cgroup2Mount)]
    public void A_process_moved_in_is_listed_and_the_cgroup_removed_after_it_exits()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        using var sleep = SleepProcess.Start();
        manager.Apply(sleep.Pid);
        Assert.Equal([sleep.Pid], manager.GetPids());
        Assert.Contains($"0::{Name}/c1", File.ReadAllText($"/proc/{sleep.Pid}/cgroup"), StringComparison.Ordinal);
        sleep.Kill();
        manager.Destroy();
        Assert.False(Directory.Exists(manager.Paths[""]));
    }

    [RootFact(HostNeed.Cgroup2Mount)]
    public void Pids_limit_is_written_or_the_missing_controller_is_named()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        var resources = new Resources { Pids = new Pids { Limit = 20 } };
        string root = Host.UnifiedMountpoint!;
        if (ReadValue(root, "cgroup.controllers").Split(' ').Contains("pids"))
        {
            manager.Set(resources);
            Assert.Equal("20", ReadValue(manager.Paths[""], "pids.max"));
            return;
        }
        var error = Assert.Throws<CgroupException>(() => manager.Set(resources));
        Assert.EndsWith($"(enable the pids controller in cgroup.subtree_control of {root}{Name})", error.Message, StringComparison.Ordinal);
    }
}
