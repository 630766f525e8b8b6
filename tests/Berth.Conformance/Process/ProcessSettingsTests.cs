using Berth.Conformance.Harness;

namespace Berth.Conformance.Process;

/// <summary>runtime-spec config.md "Process" (umask), config.md "Domainname", config-linux.md "Sysctl", runtime --preserve-fds.</summary>
public class ProcessSettingsTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Umask_is_applied(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.User.Umask = 0x3f; // 077
        Assert.Equal("0077\n", b.Sh("umask"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Sysctl_is_written_in_the_containers_namespaces(RuntimeUnderTest runtime)
    {
        string hostForward = File.ReadAllText("/proc/sys/net/ipv4/ip_forward");
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Sysctl = new() { ["net.ipv4.ip_forward"] = hostForward.Trim() == "1" ? "0" : "1" };
        Assert.NotEqual(hostForward, b.Sh("cat /proc/sys/net/ipv4/ip_forward"));
        Assert.Equal(hostForward, File.ReadAllText("/proc/sys/net/ipv4/ip_forward"));
    }

    // runc 1.1 ignores "domainname" (it came later), so this is checked against berth-runtime only.
    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Domainname_is_set_in_the_containers_uts_namespace(RuntimeUnderTest runtime)
    {
        string hostDomain = File.ReadAllText("/proc/sys/kernel/domainname");
        using var b = new TestBundle(runtime);
        b.Spec.Domainname = "berth.test";
        Assert.Equal("berth.test\n", b.Sh("cat /proc/sys/kernel/domainname"));
        Assert.Equal(hostDomain, File.ReadAllText("/proc/sys/kernel/domainname"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Preserve_fds_passes_fd_3_into_the_container(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "cat <&3");
        b.Write();
        string file = Path.Combine(b.Dir, "passed.txt");
        File.WriteAllText(file, "through fd 3");
        string cli = $"'{runtime.Path}' --root '{b.StateRoot}' run --preserve-fds 1 --bundle '{b.BundleDir}' '{b.Id}'";
        var r = Exec.Run("sh", ["-c", $"exec 3<'{file}'; exec {cli}"]).AssertSuccess("run --preserve-fds 1");
        Assert.Equal("through fd 3", r.Stdout);
    }
}
