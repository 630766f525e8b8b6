using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Process;

/// <summary>runtime-spec config.md "Process": args, env, cwd, user, rlimits, capabilities, noNewPrivileges, oomScoreAdj, umask.</summary>
public class ProcessTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Env_and_cwd_are_set(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.Env = ["PATH=/bin:/sbin", "GREETING=hello world"];
        b.Spec.Process.Cwd = "/work/dir";
        Assert.Equal("hello world /work/dir\n", b.Sh("echo \"$GREETING\" $(pwd)"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void User_uid_gid_and_additional_gids_are_applied(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.User = new User { Uid = 1000, Gid = 1001, AdditionalGids = [5, 1002] };
        string output = b.Sh("id -u; id -g; id -G");
        var lines = output.Split('\n');
        Assert.Equal("1000", lines[0]);
        Assert.Equal("1001", lines[1]);
        Assert.Equal(new[] { "1001", "1002", "5" }, lines[2].Split(' ').Order().ToArray());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Rlimits_are_applied(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Soft = 512, Hard = 768 }];
        Assert.Equal("512 768\n", b.Sh("echo $(ulimit -n) $(ulimit -Hn)"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void No_new_privileges_is_set(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.NoNewPrivileges = true;
        Assert.Contains("NoNewPrivs:\t1", b.Sh("cat /proc/self/status"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Capability_sets_are_exactly_the_specs(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.Capabilities = new Capabilities
        {
            Bounding = ["CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_CHOWN"],
            Effective = ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
            Permitted = ["CAP_KILL", "CAP_NET_BIND_SERVICE"],
            Inheritable = ["CAP_KILL"],
            Ambient = ["CAP_KILL"],
        };
        string status = b.Sh("grep ^Cap /proc/self/status");
        // CAP_CHOWN = 0, CAP_KILL = 5, CAP_NET_BIND_SERVICE = 10
        Assert.Contains("CapBnd:\t0000000000000421", status);
        Assert.Contains("CapEff:\t0000000000000420", status);
        Assert.Contains("CapPrm:\t0000000000000420", status);
        Assert.Contains("CapInh:\t0000000000000020", status);
        Assert.Contains("CapAmb:\t0000000000000020", status);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Oom_score_adj_is_written(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.OomScoreAdj = 123;
        Assert.Equal("123\n", b.Sh("cat /proc/self/oom_score_adj"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Args_are_passed_verbatim(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "echo", "a b", "*", "$HOME");
        Assert.Equal("a b * $HOME\n", b.Run().AssertSuccess("run").Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Signals_are_not_ignored_in_the_container(RuntimeUnderTest runtime)
    {
        // The runtime's own signal settings (e.g. SIGPIPE ignored) must not leak into the container.
        using var b = new TestBundle(runtime);
        Assert.Equal("0000000000000000\n", b.Sh("grep SigIgn /proc/self/status | cut -f2"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void No_host_file_descriptors_reach_the_container(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string fds = b.Sh("ls /proc/self/fd");
        // 0, 1, 2 and the fd ls itself opens for the directory listing.
        Assert.True(fds.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 4, $"unexpected fds: {fds}");
    }
}
