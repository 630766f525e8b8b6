using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Real;

/// <summary>
/// The v2 manager against the real cgroup2 mount: the whole hierarchy on a V2 host, the controller-less
/// /sys/fs/cgroup/unified on a hybrid one (there only the core files — freezer, cpu.stat — and controllers no v1
/// hierarchy took, such as hugetlb, work). The manager's root is the test's own "berth-test-…" cgroup, so enabling
/// controllers in cgroup.subtree_control never touches the host's root cgroup.
/// </summary>
[Trait("Category", "Root")]
public sealed partial class RealUnifiedCgroupTests : RealCgroupTest
{
    public RealUnifiedCgroupTests()
    {
        if (Host.UnifiedMountpoint is string unified)
        {
            TestRoot = unified + Name;
            Directory.CreateDirectory(TestRoot);
        }
    }

    /// <summary>The test's own cgroup directly below the cgroup2 root; the manager's root.</summary>
    private string TestRoot { get; } = "";

    protected override CgroupHost ManagedHost => CgroupHost.ForV2(TestRoot);

    protected override string CgroupsPathFor(string child) => child;

    protected override void RemoveTestCgroups()
    {
        if (TestRoot.Length > 0)
        {
            CgroupManagerFactory.Create(CgroupHost.ForV2(Path.GetDirectoryName(TestRoot)!), Name, "unused", trace: null).Destroy();
        }
    }

    [RootFact(HostNeed.Cgroup2Mount)]
    public void A_process_moved_in_is_listed_and_the_cgroup_removed_after_it_exits()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        using var sleep = SleepProcess.Start();
        manager.Apply(sleep.Pid);
        Assert.Equal([sleep.Pid], manager.GetPids());
        Assert.Contains($"0::{Name}/c1\n", File.ReadAllText($"/proc/{sleep.Pid}/cgroup"), StringComparison.Ordinal);
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
        if (ReadValue(TestRoot, "cgroup.controllers").Split(' ').Contains("pids"))
        {
            manager.Set(resources);
            Assert.Equal("20", ReadValue(manager.Paths[""], "pids.max"));
            return;
        }
        var error = Assert.Throws<CgroupException>(() => manager.Set(resources));
        Assert.EndsWith($"(enable the pids controller in cgroup.subtree_control of {TestRoot})", error.Message, StringComparison.Ordinal);
    }
}
