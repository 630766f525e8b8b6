using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Real;

/// <summary>The v1 manager against the real v1 controllers (and, on a hybrid host, the real cgroup2 "unified" mount).</summary>
[Trait("Category", "Root")]
public sealed class RealV1CgroupTests : RealCgroupTest
{
    private const long MiB = 1024 * 1024;

    private Resources Limits()
    {
        bool swapAccounting = File.Exists(Path.Join(Host.V1Mountpoints["memory"], "memory.memsw.limit_in_bytes"));
        return new Resources
        {
            Pids = new Pids { Limit = 20 },
            Memory = new Memory { Limit = 64 * MiB, Swap = swapAccounting ? 128 * MiB : null },
            Cpu = new Cpu { Shares = 512, Period = 100000, Quota = 50000, Cpus = "0", Mems = "0" },
        };
    }

    [RootFact(HostNeed.V1Controllers)]
    public void A_process_moved_in_is_limited_listed_and_the_cgroup_removed_after_it_exits()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        manager.Set(Limits());
        using var sleep = SleepProcess.Start();
        manager.Apply(sleep.Pid);

        Assert.Equal("20", ReadValue(manager.Paths["pids"], "pids.max"));
        Assert.Equal("67108864", ReadValue(manager.Paths["memory"], "memory.limit_in_bytes"));
        Assert.Equal("512", ReadValue(manager.Paths["cpu"], "cpu.shares"));
        Assert.Equal("50000", ReadValue(manager.Paths["cpu"], "cpu.cfs_quota_us"));
        Assert.Equal("0", ReadValue(manager.Paths["cpuset"], "cpuset.cpus"));
        Assert.Equal([sleep.Pid], manager.GetPids());
        Assert.All(manager.Paths.Values.Distinct(), path => Assert.True(ListsPid(path, sleep.Pid), path));
        Assert.Contains($":memory:{Name}/c1", File.ReadAllText($"/proc/{sleep.Pid}/cgroup"), StringComparison.Ordinal);
        Assert.Contains($"cgroup: write 20 to {manager.Paths["pids"]}/pids.max", Trace);

        sleep.Kill();
        manager.Destroy();
        Assert.All(manager.Paths.Values, path => Assert.False(Directory.Exists(path), path));
    }

    [RootFact(HostNeed.V1Controllers)]
    public void Every_new_cpuset_level_gets_the_parents_cpus_and_mems()
    {
        ICgroupManager manager = Manager("/a/b");
        manager.Create();
        string root = Host.V1Mountpoints["cpuset"];
        Assert.Equal(ReadValue(root, "cpuset.cpus"), ReadValue(root + Name, "cpuset.cpus"));
        Assert.Equal(ReadValue(root, "cpuset.mems"), ReadValue(manager.Paths["cpuset"], "cpuset.mems"));
        using var sleep = SleepProcess.Start();
        manager.Apply(sleep.Pid); // the kernel refuses (ENOSPC) a cpuset without cpus or mems
    }

    [RootFact(HostNeed.V1Controllers)]
    public void Destroy_with_a_task_inside_gives_up_busy_and_works_once_it_exited()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        using var sleep = SleepProcess.Start();
        manager.Apply(sleep.Pid);
        var error = Assert.Throws<CgroupException>(manager.Destroy);
        Assert.Equal(16, error.Errno);
        Assert.EndsWith(": Device or resource busy", error.Message, StringComparison.Ordinal);
        sleep.Kill();
        manager.Destroy();
        Assert.All(manager.Paths.Values, path => Assert.False(Directory.Exists(path), path));
    }

    [RootFact(HostNeed.V1Controllers)]
    public void A_value_the_kernel_refuses_names_the_file_and_errno()
    {
        ICgroupManager manager = Manager();
        manager.Create();
        var error = Assert.Throws<CgroupException>(() => manager.Set(new Resources { Cpu = new Cpu { Mems = "63" } }));
        Assert.Equal($"write 63 to {manager.Paths["cpuset"]}/cpuset.mems: Invalid argument", error.Message);
    }
}
