using Berth.Cgroups.Tests.Fakes;
using Berth.Cgroups.V2;

namespace Berth.Cgroups.Tests;

/// <summary>The shared contract on cgroup2, plus Create's controller enabling in cgroup.subtree_control.</summary>
public sealed class V2CgroupManagerTests : CgroupManagerContract
{
    private const string AllControllers = "+cpu +memory +pids +cpuset +io";

    public V2CgroupManagerTests() : this(new FakeV2Kernel())
    {
    }

    private V2CgroupManagerTests(FakeV2Kernel fake) : base(fake, fake.Host)
    {
    }

    protected override string PidsKey => "";

    protected override string CpusetKey => "";

    private protected override void ReportOomKills(ICgroupManager manager, int kills) =>
        Fake.Put(manager.Paths[""], "memory.events", $"low 0\nhigh 0\nmax 1\noom {kills}\noom_kill {kills}\n");

    [Fact]
    public void Mode_is_V2_and_the_only_path_is_the_unified_one()
    {
        ICgroupManager manager = NewManager("/berth/c1");
        Assert.IsType<V2CgroupManager>(manager);
        Assert.Equal(CgroupMode.V2, manager.Mode);
        Assert.Equal(Path.Join(Fake.Root, "berth", "c1"), Assert.Single(manager.Paths).Value);
    }

    [Fact]
    public void Create_enables_controllers_in_every_ancestor_from_the_root_down_but_not_in_the_leaf()
    {
        Created("/a/b/c");
        Assert.Equal(
        [
            $"write {AllControllers} to /cgroup.subtree_control",
            $"write {AllControllers} to /a/cgroup.subtree_control",
            $"write {AllControllers} to /a/b/cgroup.subtree_control",
        ], Fake.Writes);
        Assert.Equal(["mkdir /a", "mkdir /a/b", "mkdir /a/b/c"], Fake.Steps("mkdir "));
        Assert.Equal("cpuset cpu io memory pids", Fake.ReadText(Path.Join(Fake.Root, "a", "b", "c", "cgroup.controllers")));
    }

    [Fact]
    public void Create_enables_only_the_controllers_the_parent_has()
    {
        using var fake = new FakeV2Kernel(rootControllers: "memory pids hugetlb");
        CgroupManagerFactory.Create(fake.Host, "/x", "c1", fake).Create();
        Assert.Equal(["write +memory +pids +hugetlb to /cgroup.subtree_control"], fake.Writes);
    }

    [Fact]
    public void Create_leaves_controllers_that_are_already_enabled()
    {
        File.WriteAllText(Path.Join(Fake.Root, "cgroup.subtree_control"), "cpu memory\n");
        Created("/x");
        Assert.Equal(["write +pids +cpuset +io to /cgroup.subtree_control"], Fake.Writes);
    }

    [Fact]
    public void Create_writes_nothing_when_the_root_has_no_controllers()
    {
        using var fake = new FakeV2Kernel(rootControllers: "");
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/x/y", "c1", fake);
        manager.Create();
        Assert.Empty(fake.Writes);
        Assert.True(Directory.Exists(manager.Paths[""]));
    }

    [Fact]
    public void Create_falls_back_to_one_controller_at_a_time_when_the_kernel_refuses_one()
    {
        using var fake = new FakeV2Kernel { Refused = { "cpu" } };
        CgroupManagerFactory.Create(fake.Host, "/x", "c1", fake).Create();
        Assert.Equal(
        [
            $"write {AllControllers} to /cgroup.subtree_control",
            "write +cpu to /cgroup.subtree_control",
            "write +memory to /cgroup.subtree_control",
            "write +pids to /cgroup.subtree_control",
            "write +cpuset to /cgroup.subtree_control",
            "write +io to /cgroup.subtree_control",
        ], fake.Writes);
        Assert.Equal("cpuset io memory pids", fake.ReadText(Path.Join(fake.Root, "cgroup.subtree_control")));
        Assert.Contains($"cgroup: cpu stays disabled: write +cpu to {fake.Root}/cgroup.subtree_control: Invalid argument", fake.Trace);
    }
}
