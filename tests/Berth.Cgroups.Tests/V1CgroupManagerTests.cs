using Berth.Cgroups.Tests.Fakes;
using Berth.Cgroups.V1;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>The shared contract on a hybrid v1 host (like this machine), plus v1 layout and cpuset specifics.</summary>
public sealed class V1CgroupManagerTests : CgroupManagerContract
{
    private static readonly string[] s_hybridKeys =
        ["", "blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "name=systemd", "pids"];

    public V1CgroupManagerTests() : this(new FakeV1Kernel())
    {
    }

    private V1CgroupManagerTests(FakeV1Kernel fake) : base(fake, fake.Host)
    {
        V1 = fake;
    }

    private FakeV1Kernel V1 { get; }

    protected override string PidsKey => "pids";

    protected override string CpusetKey => "cpuset";

    private protected override void ReportOomKills(ICgroupManager manager, int kills) =>
        V1.Put(manager.Paths["memory"], "memory.oom_control", $"oom_kill_disable 0\nunder_oom 0\noom_kill {kills}\n");

    [Fact]
    public void The_bootstrap_moves_itself_through_the_tasks_file_of_each_v1_hierarchy_not_the_unified_one()
    {
        ICgroupManager manager = Created();
        var files = manager.SelfJoinTaskFiles();
        Assert.Equal(s_hybridKeys.Where(k => k.Length > 0).Select(k => Path.Join(manager.Paths[k], "tasks")).Order(StringComparer.Ordinal),
            files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hybrid_host_gets_every_v1_hierarchy_plus_the_unified_one()
    {
        ICgroupManager manager = Created();
        Assert.IsType<V1CgroupManager>(manager);
        Assert.Equal(CgroupMode.Hybrid, manager.Mode);
        Assert.Equal(s_hybridKeys, manager.Paths.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Path.Join(V1.Root, "unified", "berth", "c1"), manager.Paths[""]);
        Assert.Equal(Path.Join(V1.Root, "systemd", "berth", "c1"), manager.Paths["name=systemd"]);
    }

    [Fact]
    public void Nothing_but_cgroup_procs_is_written_in_the_unified_hierarchy()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 20 }, Memory = new Memory { Limit = 1 << 26 } });
        manager.Apply(7);
        Assert.Equal(["write 7 to /unified/berth/c1/cgroup.procs"], V1.Writes.Where(w => w.Contains("/unified/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Pure_v1_host_has_no_unified_path()
    {
        using var fake = new FakeV1Kernel(hybrid: false);
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/c", "c", fake);
        Assert.Equal(CgroupMode.V1, manager.Mode);
        Assert.DoesNotContain("", manager.Paths.Keys);
    }

    [Fact]
    public void Cpuset_levels_get_cpus_and_mems_copied_from_their_parent_so_a_task_can_join()
    {
        ICgroupManager manager = Created("/a/b");
        string cpuset = V1.Mountpoint("cpuset");
        foreach (string level in new[] { "a", "a/b" })
        {
            Assert.Equal("0-3", V1.ReadText(Path.Join(cpuset, level, "cpuset.cpus")));
            Assert.Equal("0", V1.ReadText(Path.Join(cpuset, level, "cpuset.mems")));
        }
        Assert.Equal(["write 0-3 to /cpuset/a/cpuset.cpus", "write 0 to /cpuset/a/cpuset.mems",
            "write 0-3 to /cpuset/a/b/cpuset.cpus", "write 0 to /cpuset/a/b/cpuset.mems"], V1.Writes);
        manager.Apply(12); // the fake, like the kernel, answers ENOSPC for a cpuset without cpus or mems
    }

    [Fact]
    public void Cpuset_values_already_set_in_a_parent_are_kept_and_inherited()
    {
        string parent = Path.Join(V1.Mountpoint("cpuset"), "a");
        V1.MakeDirectory(parent);
        File.WriteAllText(Path.Join(parent, "cpuset.cpus"), "1\n");
        File.WriteAllText(Path.Join(parent, "cpuset.mems"), "0\n");
        Created("/a/b");
        Assert.Equal("1", V1.ReadText(Path.Join(parent, "cpuset.cpus")));
        Assert.Equal("1", V1.ReadText(Path.Join(parent, "b", "cpuset.cpus")));
    }

    [Fact]
    public void Comounted_cpu_and_cpuacct_share_one_directory_joined_once()
    {
        using var fake = new FakeV1Kernel(comountCpu: true);
        ICgroupManager manager = CgroupManagerFactory.Create(fake.Host, "/c", "c", fake);
        manager.Create();
        manager.Apply(5);
        Assert.Equal(manager.Paths["cpu"], manager.Paths["cpuacct"]);
        Assert.Single(fake.Writes, w => w == "write 5 to /cpu,cpuacct/c/cgroup.procs");
        manager.Set(new Resources { Cpu = new Cpu { Shares = 512 } });
        Assert.Equal("512", fake.ReadText(Path.Join(manager.Paths["cpuacct"], "cpu.shares")));
    }

    [Fact]
    public void Unified_resources_are_refused_on_v1()
    {
        ICgroupManager manager = Created();
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Unified = new() { ["memory.high"] = "1" } }));
        Assert.Contains("linux.resources.unified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_for_a_controller_that_is_not_mounted_is_refused()
    {
        using var fake = new FakeV1Kernel();
        var onlyPids = new Dictionary<string, string> { ["pids"] = fake.Mountpoint("pids") };
        ICgroupManager manager = CgroupManagerFactory.Create(CgroupHost.ForV1(onlyPids, null), "/c", "c", fake);
        manager.Create();
        manager.Set(new Resources { Pids = new Pids { Limit = 3 } });
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Cpu = new Cpu { Quota = 1000 } }));
        Assert.Equal("linux.resources.cpu needs the cpu controller, which has no cgroup v1 hierarchy mounted on this host", error.Message);
    }
}
