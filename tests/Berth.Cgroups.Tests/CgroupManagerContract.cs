using System.Text.RegularExpressions;
using Berth.Cgroups.Tests.Fakes;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests;

/// <summary>
/// What every <see cref="ICgroupManager"/> does the same way, run once per implementation against a fake
/// cgroupfs (CONVENTIONS.md 10). <see cref="PidsKey"/> and <see cref="CpusetKey"/> say which entry of
/// <see cref="ICgroupManager.Paths"/> holds those controllers' files.
/// </summary>
public abstract partial class CgroupManagerContract : IDisposable
{
    private protected CgroupManagerContract(FakeCgroupFs fake, CgroupHost host)
    {
        Fake = fake;
        Host = host;
    }

    private protected FakeCgroupFs Fake { get; }

    private protected CgroupHost Host { get; }

    protected abstract string PidsKey { get; }

    protected abstract string CpusetKey { get; }

    /// <summary>Makes the fake kernel report <paramref name="kills"/> OOM kills for the cgroup, in its version's file.</summary>
    private protected abstract void ReportOomKills(ICgroupManager manager, int kills);

    public void Dispose() => Fake.Dispose();

    private protected ICgroupManager NewManager(string? cgroupsPath = "/berth/c1") =>
        CgroupManagerFactory.Create(Host, cgroupsPath, "c1", Fake);

    private protected ICgroupManager Created(string? cgroupsPath = "/berth/c1")
    {
        ICgroupManager manager = NewManager(cgroupsPath);
        manager.Create();
        return manager;
    }

    [Fact]
    public void Create_makes_the_directory_in_every_hierarchy()
    {
        ICgroupManager manager = Created();
        Assert.All(manager.Paths.Values, path => Assert.True(Directory.Exists(path), path));
        Assert.Contains(Fake.Steps("mkdir "), step => step.EndsWith("/berth/c1", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_twice_does_nothing_the_second_time()
    {
        ICgroupManager manager = Created();
        int steps = Fake.Trace.Count;
        manager.Create();
        Assert.Equal(steps, Fake.Trace.Count);
    }

    [Theory]
    [InlineData("/berth/c1", "/berth/c1")]
    [InlineData("a/b", "/a/b")]
    [InlineData(null, "/berth/c1")]
    [InlineData("", "/berth/c1")]
    [InlineData("machine.slice:berth:c1", "/machine.slice/berth-c1.scope")]
    public void Paths_end_with_the_resolved_cgroups_path(string? cgroupsPath, string suffix)
    {
        ICgroupManager manager = NewManager(cgroupsPath);
        Assert.All(manager.Paths.Values, path => Assert.EndsWith(suffix, path, StringComparison.Ordinal));
        Assert.All(manager.Paths.Values, path => Assert.StartsWith(Fake.Root, path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_dotdot_component_is_refused_naming_the_field()
    {
        var error = Assert.Throws<CgroupException>(() => NewManager("/berth/../../etc"));
        Assert.Contains("linux.cgroupsPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pids_limit_is_written_to_pids_max_and_traced()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 20 } });
        string file = Path.Join(manager.Paths[PidsKey], "pids.max");
        Assert.Equal("20", Fake.ReadText(file));
        Assert.Contains($"cgroup: write 20 to {file}", Fake.Trace);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Pids_limit_of_zero_or_less_is_max(long limit)
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Pids = new Pids { Limit = 20 } });
        manager.Set(new Resources { Pids = new Pids { Limit = limit } });
        Assert.Equal("max", Fake.ReadText(Path.Join(manager.Paths[PidsKey], "pids.max")));
    }

    [Fact]
    public void Cpuset_cpus_and_mems_are_written()
    {
        ICgroupManager manager = Created();
        manager.Set(new Resources { Cpu = new Cpu { Cpus = "0-1", Mems = "0" } });
        Assert.Equal("0-1", Fake.ReadText(Path.Join(manager.Paths[CpusetKey], "cpuset.cpus")));
        Assert.Equal("0", Fake.ReadText(Path.Join(manager.Paths[CpusetKey], "cpuset.mems")));
    }

    [Fact]
    public void Empty_resources_write_nothing()
    {
        ICgroupManager manager = Created();
        int writes = Fake.Writes.Count;
        manager.Set(new Resources());
        Assert.Equal(writes, Fake.Writes.Count);
    }

    [Fact]
    public void Apply_writes_the_pid_to_cgroup_procs_in_every_hierarchy()
    {
        ICgroupManager manager = Created();
        manager.Apply(4242);
        Assert.All(manager.Paths.Values, path => Assert.Equal("4242", Fake.ReadText(Path.Join(path, "cgroup.procs"))));
    }

    [Fact]
    public void GetPids_includes_the_pids_of_child_cgroups()
    {
        ICgroupManager manager = Created();
        manager.Apply(100);
        string child = Path.Join(manager.Paths[PidsKey], "sub");
        Fake.MakeDirectory(child);
        Fake.Write(Path.Join(child, "cgroup.procs"), "200");
        Assert.Equal([100, 200], manager.GetPids().Order());
    }

    [Fact]
    public void Destroy_removes_child_cgroups_deepest_first()
    {
        ICgroupManager manager = Created();
        string leaf = manager.Paths[PidsKey];
        Fake.MakeDirectory(Path.Join(leaf, "a"));
        Fake.MakeDirectory(Path.Join(leaf, "a", "b"));
        manager.Destroy();
        Assert.All(manager.Paths.Values, path => Assert.False(Directory.Exists(path), path));
        string relativeLeaf = leaf.Replace(Fake.Root, "", StringComparison.Ordinal);
        List<string> removals = Fake.Steps("rmdir " + relativeLeaf);
        Assert.Equal(["rmdir " + relativeLeaf + "/a/b", "rmdir " + relativeLeaf + "/a", "rmdir " + relativeLeaf], removals);
    }

    [Fact]
    public void Destroy_of_a_cgroup_that_does_not_exist_is_fine()
    {
        NewManager().Destroy();
        Assert.Empty(Fake.Steps("rmdir "));
    }

    [Fact]
    public void Destroy_retries_while_the_kernel_says_busy()
    {
        ICgroupManager manager = Created();
        Fake.BusyRemovals = 2;
        manager.Destroy();
        Assert.All(manager.Paths.Values, path => Assert.False(Directory.Exists(path), path));
        Assert.Contains(Fake.Trace, line => line.EndsWith(": busy, retrying", StringComparison.Ordinal));
    }

    [Fact]
    public void Destroy_gives_up_on_a_cgroup_that_stays_busy_naming_it_and_the_errno()
    {
        ICgroupManager manager = Created();
        Fake.BusyRemovals = int.MaxValue;
        var error = Assert.Throws<CgroupException>(manager.Destroy);
        Assert.Equal(16, error.Errno);
        Assert.Matches($"^rmdir {Regex.Escape(Fake.Root)}(/[^/]+)?/berth/c1: Device or resource busy$", error.Message);
    }
}
