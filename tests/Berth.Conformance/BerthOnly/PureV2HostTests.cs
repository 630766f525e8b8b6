using Berth.Conformance.Harness;

namespace Berth.Conformance.BerthOnly;

/// <summary>
/// The pure cgroup v2 path on a real kernel: berth-runtime runs in a private mount namespace where
/// /sys/fs/cgroup is a single cgroup2 mount (this host's unified hierarchy, which has no controllers),
/// as on most hosts today. The init must be cloned straight into its cgroup (CLONE_INTO_CGROUP), see a
/// cgroup2 /sys/fs/cgroup, and leave no cgroup behind.
/// </summary>
public class PureV2HostTests
{
    private static CommandResult InV2View(TestBundle b, params string[] args)
    {
        string cli = string.Join(' ', new[] { b.Runtime.Path, "--root", b.StateRoot }.Concat(args).Select(a => $"'{a}'"));
        return Exec.Run("unshare", ["-m", "--propagation", "private", "sh", "-c",
            $"umount -R /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup && exec {cli}"]);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void A_container_on_a_v2_host_is_born_in_its_cgroup_and_sees_cgroup2(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "cat /proc/self/cgroup; grep ' /sys/fs/cgroup ' /proc/self/mounts");
        b.Spec.Linux!.Resources = null;
        b.Write();
        var r = InV2View(b, "--trace", "run", "--bundle", b.BundleDir, b.Id).AssertSuccess("run on a v2 view");
        Assert.Contains("0::/\n", r.Stdout); // its cgroup namespace is rooted at its own cgroup
        Assert.Contains("cgroup2 /sys/fs/cgroup cgroup2", r.Stdout);
        Assert.Contains("CLONE_INTO_CGROUP", r.Stderr);
        Assert.DoesNotContain("cgroup.procs", r.Stderr); // nothing was migrated
        Assert.False(Directory.Exists($"/sys/fs/cgroup/unified/{b.Prefix}/{b.Id}"), "the cgroup was left behind");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Create_on_a_v2_host_places_the_init_in_the_cgroup(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Spec.Linux!.Resources = null;
        b.Write();
        InV2View(b, "create", "--bundle", b.BundleDir, b.Id).AssertSuccess("create on a v2 view");
        int pid = b.Pid();
        Assert.Contains($"0::/{b.Prefix}/{b.Id}", File.ReadAllText($"/proc/{pid}/cgroup"));
        Assert.Contains(pid.ToString(), File.ReadAllText($"/sys/fs/cgroup/unified/{b.Prefix}/{b.Id}/cgroup.procs"));
        InV2View(b, "delete", "--force", b.Id).AssertSuccess("delete on a v2 view");
        Assert.False(Directory.Exists($"/sys/fs/cgroup/unified/{b.Prefix}/{b.Id}"));
    }
}
