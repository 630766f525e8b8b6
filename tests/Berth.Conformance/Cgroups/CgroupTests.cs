using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Cgroups;

/// <summary>runtime-spec config-linux.md "Control groups": cgroupsPath, pids, memory, cpu, cpuset (on this host's cgroups).</summary>
public class CgroupTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Fork_bomb_hits_the_pids_limit_and_the_host_survives(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Resources = new Resources { Pids = new Pids { Limit = 20 } };
        // A child shell forks sleepers until the kernel refuses (busybox sh then exits); the parent
        // counts the container's tasks with builtins only, since it cannot fork at the limit either.
        string output = b.Sh("sh -c 'while :; do sleep 5 & done' 2>/dev/null; n=0; for p in /proc/[0-9]*; do n=$((n+1)); done; echo $n");
        int tasks = int.Parse(output.Trim().Split('\n').Last());
        Assert.InRange(tasks, 15, 20);
        Assert.True(File.Exists("/proc/self/stat"), "host is fine");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Resources_are_written_to_the_containers_cgroup(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Spec.Linux!.Resources = new Resources
        {
            Pids = new Pids { Limit = 20 },
            Memory = new Memory { Limit = 64 * 1024 * 1024 },
            Cpu = new Cpu { Shares = 512, Quota = 50_000, Period = 100_000, Cpus = "0", Mems = "0" },
        };
        b.Create().AssertSuccess("create");
        var cg = new HostCgroup(b.Spec.Linux.CgroupsPath!);
        Assert.Equal("20", cg.Read("pids", "pids.max"));
        Assert.Equal((64 * 1024 * 1024).ToString(), cg.Read("memory", "memory.limit_in_bytes"));
        Assert.Equal("512", cg.Read("cpu", "cpu.shares"));
        Assert.Equal("50000", cg.Read("cpu", "cpu.cfs_quota_us"));
        Assert.Equal("100000", cg.Read("cpu", "cpu.cfs_period_us"));
        Assert.Equal("0", cg.Read("cpuset", "cpuset.cpus"));
        Assert.Contains(b.Pid().ToString(), cg.Read("pids", "cgroup.procs").Split('\n'));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Cgroup_mount_shows_the_containers_own_limits(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Resources = new Resources { Pids = new Pids { Limit = 33 } };
        Assert.Equal("33\n", b.Sh("cat /sys/fs/cgroup/pids/pids.max"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Delete_removes_the_cgroup(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Create().AssertSuccess("create");
        var cg = new HostCgroup(b.Spec.Linux!.CgroupsPath!);
        Assert.True(Directory.Exists(cg.Dir("pids")));
        b.Cli("delete", "--force", b.Id).AssertSuccess("delete");
        Assert.False(Directory.Exists(cg.Dir("pids")));
        Assert.False(Directory.Exists(cg.Dir("memory")));
    }

    /// <summary>The v1 hierarchies of this (hybrid) host.</summary>
    private sealed class HostCgroup(string path)
    {
        public string Dir(string controller) => $"/sys/fs/cgroup/{controller}{path}";
        public string Read(string controller, string file) => File.ReadAllText(Path.Combine(Dir(controller), file)).Trim();
    }
}
