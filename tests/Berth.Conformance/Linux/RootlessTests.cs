using Berth.Conformance.Harness;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Conformance.Linux;

/// <summary>
/// Rootless containers (runc's "rootless" mode): an unprivileged user runs a container in its own user
/// namespace, mapping itself to root and its /etc/subuid range (through newuidmap/newgidmap) to the rest.
/// There is no cgroup it may write, so none is used.
/// </summary>
public class RootlessTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void An_unprivileged_user_runs_a_container_with_its_subordinate_ids(RuntimeUnderTest runtime)
    {
        using var user = new RootlessUser();
        using var b = new TestBundle(runtime, "sh", "-c", "id -u; cat /proc/self/uid_map; touch /tmp/by-1000; ls /sys/fs/cgroup | wc -l");
        DefaultSpec.MakeRootless(b.Spec, user.Uid, user.Gid);
        b.Spec.Root!.Readonly = false;
        b.Spec.Linux!.CgroupsPath = null;
        b.Spec.Linux.UidMappings = [new IdMapping { HostID = user.Uid, Size = 1 }, new IdMapping { ContainerID = 1, HostID = user.SubBase, Size = 65536 }];
        b.Spec.Linux.GidMappings = [new IdMapping { HostID = user.Gid, Size = 1 }, new IdMapping { ContainerID = 1, HostID = user.SubBase, Size = 65536 }];
        b.Spec.Process!.User = new User { Uid = 1000, Gid = 1000 };
        b.Write();
        Exec.Run("chown", ["-R", $"{user.Uid}:{user.Gid}", b.Dir]).AssertSuccess("chown the bundle");
        string xdg = Path.Combine(b.Dir, "xdg");
        Directory.CreateDirectory(xdg);
        Exec.Run("chown", [$"{user.Uid}:{user.Gid}", xdg]).AssertSuccess("chown xdg");

        var r = user.Run(xdg, runtime.Path, "--root", Path.Combine(xdg, "state"), "run", "--bundle", b.BundleDir, b.Id + "-rl").AssertSuccess("rootless run");
        string[] lines = r.Stdout.Trim().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();
        Assert.Equal("1000", lines[0]);
        Assert.Equal($"0 {user.Uid} 1", lines[1]);
        Assert.Equal($"1 {user.SubBase} 65536", lines[2]);
        var made = Exec.Run("stat", ["-c", "%u:%g", Path.Combine(b.Rootfs, "tmp", "by-1000")]).AssertSuccess("stat");
        Assert.Equal($"{user.SubBase + 999}:{user.SubBase + 999}\n", made.Stdout);
        Assert.False(Directory.Exists(Path.Combine(xdg, "state", b.Id + "-rl")), "run left its state behind");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Limits_that_cannot_be_applied_rootless_are_named_in_a_warning(RuntimeUnderTest runtime)
    {
        using var user = new RootlessUser();
        using var b = new TestBundle(runtime, "true");
        DefaultSpec.MakeRootless(b.Spec, user.Uid, user.Gid);
        b.Spec.Linux!.Resources = new Resources { Pids = new Pids { Limit = 20 } };
        b.Write();
        Exec.Run("chown", ["-R", $"{user.Uid}:{user.Gid}", b.Dir]).AssertSuccess("chown the bundle");
        string xdg = Path.Combine(b.Dir, "xdg");
        Directory.CreateDirectory(xdg);
        Exec.Run("chown", [$"{user.Uid}:{user.Gid}", xdg]).AssertSuccess("chown xdg");
        var r = user.Run(xdg, runtime.Path, "run", "--bundle", b.BundleDir, b.Id + "-rl").AssertSuccess("rootless run");
        Assert.Contains("warning: rootless", r.Stderr);
        Assert.Contains("NOT applied", r.Stderr);
    }
}
