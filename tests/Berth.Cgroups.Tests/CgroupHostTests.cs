namespace Berth.Cgroups.Tests;

public sealed class CgroupHostTests
{
    [Fact]
    public void Pure_v2_is_V2_rooted_at_the_cgroup2_mount_with_no_v1_hierarchies()
    {
        CgroupHost host = CgroupHost.Parse(MountInfoSamples.PureV2, "0::/user.slice/session-3.scope\n");
        Assert.Equal(CgroupMode.V2, host.Mode);
        Assert.Equal("/sys/fs/cgroup", host.UnifiedMountpoint);
        Assert.Empty(host.V1Mountpoints);
        Assert.Equal("/user.slice/session-3.scope", host.OwnCgroups[""]);
    }

    [Fact]
    public void This_machines_layout_is_Hybrid_with_every_controller_and_the_named_systemd_hierarchy()
    {
        CgroupHost host = CgroupHost.Parse(MountInfoSamples.Hybrid, MountInfoSamples.HybridProcCgroup);
        Assert.Equal(CgroupMode.Hybrid, host.Mode);
        Assert.Equal("/sys/fs/cgroup/unified", host.UnifiedMountpoint);
        Assert.Equal("/sys/fs/cgroup/memory", host.V1Mountpoints["memory"]);
        Assert.Equal("/sys/fs/cgroup/systemd", host.V1Mountpoints["name=systemd"]);
        Assert.Equal(["blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"], host.V1Controllers.Order(StringComparer.Ordinal));
        Assert.Equal("/process_api/86d7d4d6", host.OwnCgroups["memory"]);
        Assert.Equal("/", host.OwnCgroups["name=systemd"]);
    }

    [Fact]
    public void Pure_v1_maps_comounted_controllers_to_one_mountpoint_and_ignores_mount_options()
    {
        CgroupHost host = CgroupHost.Parse(MountInfoSamples.PureV1, MountInfoSamples.PureV1ProcCgroup);
        Assert.Equal(CgroupMode.V1, host.Mode);
        Assert.Null(host.UnifiedMountpoint);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", host.V1Mountpoints["cpu"]);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct", host.V1Mountpoints["cpuacct"]);
        Assert.Equal("/sys/fs/cgroup/net_cls,net_prio", host.V1Mountpoints["net_prio"]);
        Assert.Equal("/sys/fs/cgroup/systemd", host.V1Mountpoints["name=systemd"]);
        Assert.DoesNotContain("xattr", host.V1Mountpoints.Keys);
        Assert.DoesNotContain("clone_children", host.V1Mountpoints.Keys);
        Assert.Equal("/user.slice", host.OwnCgroups["cpuacct"]);
    }

    [Fact]
    public void Only_a_named_v1_hierarchy_beside_cgroup2_is_still_V2()
    {
        string text = """
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw
            """;
        CgroupHost host = CgroupHost.Parse(text);
        Assert.Equal(CgroupMode.V2, host.Mode);
        Assert.Equal("/sys/fs/cgroup", host.UnifiedMountpoint);
    }

    [Fact]
    public void Octal_escapes_in_mountpoints_are_decoded()
    {
        CgroupHost host = CgroupHost.Parse("41 31 0:38 / /mnt/my\\040cgroups rw - cgroup2 none rw\n");
        Assert.Equal("/mnt/my cgroups", host.UnifiedMountpoint);
    }

    [Fact]
    public void No_cgroup_mount_at_all_is_an_error_naming_the_file()
    {
        var error = Assert.Throws<CgroupException>(() => CgroupHost.Parse("22 1 252:1 / / rw - ext4 /dev/vda1 rw\n", null, "/x/mountinfo"));
        Assert.Contains("/x/mountinfo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_reads_the_injected_files()
    {
        string dir = Directory.CreateTempSubdirectory("berth-host-").FullName;
        try
        {
            File.WriteAllText(Path.Join(dir, "mountinfo"), MountInfoSamples.Hybrid);
            File.WriteAllText(Path.Join(dir, "cgroup"), MountInfoSamples.HybridProcCgroup);
            CgroupHost host = CgroupHost.Detect(Path.Join(dir, "mountinfo"), Path.Join(dir, "cgroup"));
            Assert.Equal(CgroupMode.Hybrid, host.Mode);
            Assert.Equal("/", host.OwnCgroups["pids"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Detect_of_a_missing_file_names_it_and_the_errno()
    {
        var error = Assert.Throws<CgroupException>(() => CgroupHost.Detect("/nonexistent/mountinfo"));
        Assert.Equal("read /nonexistent/mountinfo: No such file or directory", error.Message);
    }

    [Fact]
    public void Detect_on_this_machine_finds_a_layout()
    {
        CgroupHost host = CgroupHost.Detect();
        Assert.NotNull(host.UnifiedMountpoint ?? host.V1Mountpoints.Values.FirstOrDefault());
        Assert.NotEmpty(host.OwnCgroups);
    }

    [Fact]
    public void ForV2_and_ForV1_take_roots_directly()
    {
        Assert.Equal(CgroupMode.V2, CgroupHost.ForV2("/tmp/x").Mode);
        var v1 = new Dictionary<string, string> { ["pids"] = "/tmp/pids" };
        Assert.Equal(CgroupMode.V1, CgroupHost.ForV1(v1, null).Mode);
        CgroupHost hybrid = CgroupHost.ForV1(v1, "/tmp/unified");
        Assert.Equal(CgroupMode.Hybrid, hybrid.Mode);
        Assert.Equal("/tmp/unified", hybrid.UnifiedMountpoint);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("hybrid")]
    [InlineData("v2")]
    public void The_host_comes_back_from_a_managers_saved_paths(string kind)
    {
        var v1 = new Dictionary<string, string> { ["cpu"] = "/sys/fs/cgroup/cpu,cpuacct", ["cpuacct"] = "/sys/fs/cgroup/cpu,cpuacct", ["memory"] = "/sys/fs/cgroup/memory", ["name=systemd"] = "/sys/fs/cgroup/systemd" };
        CgroupHost host = kind switch
        {
            "v1" => CgroupHost.ForV1(v1, null),
            "hybrid" => CgroupHost.ForV1(v1, "/sys/fs/cgroup/unified"),
            _ => CgroupHost.ForV2("/sys/fs/cgroup"),
        };
        var manager = CgroupManagerFactory.Create(host, "/berth/c1", "c1", trace: null);

        CgroupHost? back = CgroupHost.FromManagerPaths(manager.Paths, CgroupsPath.Resolve("/berth/c1", "c1"));

        Assert.NotNull(back);
        Assert.Equal(host.Mode, back.Mode);
        Assert.Equal(host.UnifiedMountpoint, back.UnifiedMountpoint);
        Assert.Equal(host.V1Mountpoints.OrderBy(kv => kv.Key), back.V1Mountpoints.OrderBy(kv => kv.Key));
        Assert.Equal(manager.Paths, CgroupManagerFactory.Create(back, "/berth/c1", "c1", trace: null).Paths);
    }

    [Fact]
    public void Paths_that_do_not_say_give_no_host()
    {
        Assert.Null(CgroupHost.FromManagerPaths(new Dictionary<string, string>(), "/berth/c1"));
        Assert.Null(CgroupHost.FromManagerPaths(new Dictionary<string, string> { ["memory"] = "/elsewhere/x" }, "/berth/c1"));
        Assert.Null(CgroupHost.FromManagerPaths(new Dictionary<string, string> { ["memory"] = "/berth/c1" }, "/berth/c1"));
    }
}
