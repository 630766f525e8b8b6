using Berth.Conformance.Harness;
using Berth.Oci.Spec;
using static Berth.Conformance.Lifecycle.LifecycleTests;

namespace Berth.Conformance.Linux;

/// <summary>runtime-spec config-linux.md "User namespace mappings": uidMappings/gidMappings with a user namespace.</summary>
public class UserNamespaceTests
{
    private const uint HostBase = 200000;

    /// <summary>A bundle whose container root is host uid/gid 200000, with the rootfs owned accordingly.</summary>
    private static TestBundle Mapped(RuntimeUnderTest runtime, params string[] args)
    {
        var b = new TestBundle(runtime, args);
        Exec.Run("chown", ["-R", $"{HostBase}:{HostBase}", b.Rootfs]).AssertSuccess("chown the rootfs");
        b.Spec.Linux!.Namespaces!.Add(new Namespace { Type = "user" });
        b.Spec.Linux.UidMappings = [new IdMapping { ContainerID = 0, HostID = HostBase, Size = 65536 }];
        b.Spec.Linux.GidMappings = [new IdMapping { ContainerID = 0, HostID = HostBase, Size = 65536 }];
        return b;
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Root_in_the_container_is_the_mapped_host_id(RuntimeUnderTest runtime)
    {
        using var b = Mapped(runtime);
        string output = b.Sh("id -u; id -g; cat /proc/self/uid_map /proc/self/gid_map; touch /tmp/made-inside");
        string[] lines = output.Trim().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();
        Assert.Equal(["0", "0", $"0 {HostBase} 65536", $"0 {HostBase} 65536"], lines);
        var made = Exec.Run("stat", ["-c", "%u:%g", Path.Combine(b.Rootfs, "tmp", "made-inside")]).AssertSuccess("stat");
        Assert.Equal($"{HostBase}:{HostBase}\n", made.Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_non_root_user_inside_maps_into_the_range(RuntimeUnderTest runtime)
    {
        using var b = Mapped(runtime, "sh", "-c", "touch /tmp/by-1000");
        b.Spec.Process!.User = new User { Uid = 1000, Gid = 1000 };
        b.Run().AssertSuccess("run as 1000");
        var made = Exec.Run("stat", ["-c", "%u:%g", Path.Combine(b.Rootfs, "tmp", "by-1000")]).AssertSuccess("stat");
        Assert.Equal($"{HostBase + 1000}:{HostBase + 1000}\n", made.Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_joins_the_user_namespace(RuntimeUnderTest runtime)
    {
        using var b = Mapped(runtime, "sleep", "60");
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        var r = b.Cli("exec", b.Id, "sh", "-c", "id -u; readlink /proc/self/ns/user").AssertSuccess("exec");
        string[] lines = r.Stdout.Trim().Split('\n');
        Assert.Equal("0", lines[0]);
        Assert.Equal(new FileInfo($"/proc/{b.Pid()}/ns/user").LinkTarget, lines[1]);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Overlapping_mappings_fail_create_and_leave_nothing(RuntimeUnderTest runtime)
    {
        using var b = Mapped(runtime, "true");
        b.Spec.Linux!.UidMappings = [new IdMapping { ContainerID = 0, HostID = HostBase, Size = 1000 }, new IdMapping { ContainerID = 500, HostID = HostBase + 5000, Size = 1000 }];
        var r = b.Create();
        Assert.NotEqual(0, r.ExitCode);
        Assert.NotEqual("", r.Stderr.Trim());
        Assert.NotEqual(0, b.Cli("state", b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }
}
