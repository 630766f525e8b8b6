using Berth.Conformance.Harness;
using Berth.Oci.Seccomp;
using Berth.Oci.Spec;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Conformance.Linux;

/// <summary>runtime-spec config-linux.md "Seccomp": the filter applies to the container's process, from its first instruction.</summary>
public class SeccompTests
{
    private static SeccompSyscall Rule(string action, params string[] names) => new() { Names = [.. names], Action = action };

    private static SeccompSpec AllowAllBut(params SeccompSyscall[] rules) => new() { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [.. rules] };

    /// <summary>Runs a script that reports its own exit codes; the container itself must succeed.</summary>
    private static string Script(TestBundle b, string script)
    {
        b.Spec.Process!.Args = ["sh", "-c", script];
        return b.Run().AssertSuccess($"sh -c '{script}'").Stdout;
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void An_errno_rule_refuses_mkdir_with_EPERM(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat"));

        string output = Script(b, "mkdir /tmp/x 2>&1; echo rc=$?; touch /tmp/y && echo touched");

        Assert.Contains("Operation not permitted", output);
        Assert.Contains("rc=1", output);
        Assert.Contains("touched", output);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Without_no_new_privileges_the_filter_is_loaded_too(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.NoNewPrivileges = false;
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat"));

        Assert.Contains("Operation not permitted", Script(b, "mkdir /tmp/x 2>&1; true"));
    }

    [Theory]
    [MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_processes_get_the_containers_filter(RuntimeUnderTest runtime)
    {
        foreach (bool nnp in new[] { true, false })
        {
            using var b = new TestBundle(runtime, "sleep", "60");
            b.Spec.Process!.NoNewPrivileges = nnp;
            b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat"));
            b.Write();
            b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
            var r = b.Cli("exec", b.Id, "sh", "-c", "mkdir /tmp/x 2>&1; echo rc=$?");
            Assert.Contains("Operation not permitted", r.Stdout);
            Assert.Contains("rc=1", r.Stdout);
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_rule_errno_ret_is_the_errno_returned(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var rule = Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat");
        rule.ErrnoRet = 28; // ENOSPC
        b.Spec.Linux!.Seccomp = AllowAllBut(rule);

        Assert.Contains("No space left on device", Script(b, "mkdir /tmp/x 2>&1; true"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Default_errno_ret_is_returned_for_calls_the_profile_does_not_allow(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var profile = DockerDefaultProfile.CreateForHost(b.Spec.Process!.Capabilities!.Bounding);
        profile.DefaultErrnoRet = 13; // EACCES instead of EPERM
        b.Spec.Linux!.Seccomp = profile;

        Assert.Contains("Permission denied", Script(b, "unshare -n true 2>&1; true"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void An_argument_rule_refuses_only_the_matching_value(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var rule = Rule("SCMP_ACT_ERRNO", "personality");
        rule.Args = [new SeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }]; // PER_LINUX32
        b.Spec.Linux!.Seccomp = AllowAllBut(rule);

        string output = Script(b, "linux32 true 2>&1; echo l32=$?; linux64 true 2>&1; echo l64=$?");

        Assert.Contains("l32=1", output);
        Assert.Contains("Operation not permitted", output);
        Assert.Contains("l64=0", output);
    }

    // The Docker profile built for the default capabilities, but the container also gets CAP_SYS_ADMIN:
    // then only seccomp stands between the process and unshare/mount.
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Dockers_default_profile_blocks_unshare_and_mount_even_with_CAP_SYS_ADMIN(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var caps = b.Spec.Process!.Capabilities!;
        b.Spec.Linux!.Seccomp = DockerDefaultProfile.CreateForHost(caps.Bounding);
        foreach (var set in new[] { caps.Bounding!, caps.Effective!, caps.Permitted! }) set.Add("CAP_SYS_ADMIN");

        string output = Script(b, "unshare -n true 2>&1; echo unshare=$?; mount -t tmpfs none /tmp 2>&1; echo mount=$?; cat /proc/self/status | grep Seccomp:");

        Assert.Contains("unshare: unshare(0x40000000): Operation not permitted", output);
        Assert.Contains("unshare=1", output);
        Assert.DoesNotContain("mount=0", output);
        Assert.Contains("Seccomp:\t2", output); // SECCOMP_MODE_FILTER
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Dockers_default_profile_with_CAP_SYS_ADMIN_allows_unshare(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var caps = b.Spec.Process!.Capabilities!;
        foreach (var set in new[] { caps.Bounding!, caps.Effective!, caps.Permitted! }) set.Add("CAP_SYS_ADMIN");
        b.Spec.Linux!.Seccomp = DockerDefaultProfile.CreateForHost(caps.Bounding);

        string output = Script(b, "unshare -n true 2>&1; echo unshare=$?; mount -t tmpfs none /tmp 2>&1; echo mount=$?");

        Assert.Contains("unshare=0", output);
        Assert.Contains("mount=0", output);
    }

    // Without no_new_privs the filter is loaded before the capabilities are dropped: everything the init
    // does afterwards (setuid, capset, exec) must pass Docker's profile.
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Dockers_default_profile_without_no_new_privileges_for_a_non_root_user(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Process!.NoNewPrivileges = false;
        b.Spec.Process.User = new User { Uid = 1000, Gid = 1000 };
        b.Spec.Linux!.Seccomp = DockerDefaultProfile.CreateForHost(b.Spec.Process.Capabilities!.Bounding);

        string output = Script(b, "id -u; unshare -n true 2>&1; echo unshare=$?");

        Assert.StartsWith("1000\n", output);
        Assert.Contains("unshare=1", output);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Kill_process_ends_the_container_with_SIGSYS(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "mkdir", "/tmp/x");
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_KILL_PROCESS", "mkdir", "mkdirat"));

        var r = b.Run();

        Assert.Equal(128 + 31, r.ExitCode); // SIGSYS
        Assert.False(Directory.Exists(Path.Combine(b.Rootfs, "tmp", "x")));
    }

    // runc 1.1 refuses any "flags" ("seccomp flags are not yet supported by runc"): berth-runtime only.
    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Flags_tsync_and_log_are_accepted(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        var profile = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat"));
        profile.Flags = ["SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG"];
        b.Spec.Linux!.Seccomp = profile;

        Assert.Contains("Operation not permitted", Script(b, "mkdir /tmp/x 2>&1; true"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_syscall_this_architecture_lacks_is_skipped(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "socketcall", "mkdir", "mkdirat"));

        Assert.Contains("Operation not permitted", Script(b, "mkdir /tmp/x 2>&1; true"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void An_invalid_action_fails_create_and_leaves_nothing(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_BOGUS", "mkdir"));

        var r = b.Create();

        Assert.NotEqual(0, r.ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Berth_names_the_invalid_field_in_one_line(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        var rule = Rule("SCMP_ACT_ERRNO", "personality");
        rule.Args = [new SeccompArg { Index = 7, Op = "SCMP_CMP_EQ" }];
        b.Spec.Linux!.Seccomp = AllowAllBut(rule);

        var r = b.Create();

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("linux.seccomp.syscalls[0].args[0].index: must be 0..5", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Empty(b.Leftovers());
    }

    private const int EXDEV = 18; // "Invalid cross-device link": an answer only the agent gives

    /// <summary>SCMP_ACT_NOTIFY: the call waits for the agent at listenerPath, which got the fd and the state from the runtime.</summary>
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_notify_rule_is_answered_by_the_agent_at_listener_path(RuntimeUnderTest runtime)
    {
        foreach (bool nnp in new[] { true, false })
        {
            using var b = new TestBundle(runtime);
            using var agent = new SeccompAgent(b.Dir, EXDEV);
            b.Spec.Process!.NoNewPrivileges = nnp;
            var profile = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir", "mkdirat"));
            profile.ListenerPath = agent.Path;
            profile.ListenerMetadata = "berth-test-metadata";
            b.Spec.Linux!.Seccomp = profile;

            string output = Script(b, "mkdir /tmp/x 2>&1; echo rc=$?; touch /tmp/y && echo touched");

            Assert.Contains("Invalid cross-device link", output);
            Assert.Contains("rc=1", output);
            Assert.Contains("touched", output);
            Assert.Contains(agent.Answered, nr => nr is 83 or 258); // x86_64 mkdir, mkdirat
            var message = Assert.Single(agent.Messages);
            Assert.Equal("seccompFd", Assert.Single(message.GetProperty("fds").EnumerateArray()).GetString());
            Assert.Equal("berth-test-metadata", message.GetProperty("metadata").GetString());
            Assert.True(message.GetProperty("pid").GetInt32() > 0);
            Assert.Equal(b.Id, message.GetProperty("state").GetProperty("id").GetString());
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Exec_processes_hand_their_listener_to_the_agent_too(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        using var agent = new SeccompAgent(b.Dir, EXDEV);
        var profile = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir", "mkdirat"));
        profile.ListenerPath = agent.Path;
        b.Spec.Linux!.Seccomp = profile;
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");

        var r = b.Cli("exec", b.Id, "sh", "-c", "mkdir /tmp/x 2>&1; echo rc=$?");

        Assert.Contains("Invalid cross-device link", r.Stdout);
        Assert.Equal(2, agent.Messages.Count);
        Assert.Equal(b.Pid(), agent.Messages[0].GetProperty("pid").GetInt32());
        Assert.NotEqual(b.Pid(), agent.Messages[1].GetProperty("pid").GetInt32());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_listener_path_nobody_listens_on_fails_create_and_leaves_nothing(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        var profile = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir"));
        profile.ListenerPath = Path.Combine(b.Dir, "nobody.sock");
        b.Spec.Linux!.Seccomp = profile;

        var r = b.Create();

        Assert.NotEqual(0, r.ExitCode);
        Assert.Empty(b.Leftovers());
        if (runtime.IsBerth)
        {
            Assert.Contains($"linux.seccomp.listenerPath {profile.ListenerPath}", r.Stderr);
            Assert.Contains("start the seccomp agent first", r.Stderr);
            Assert.Single(r.Stderr.Trim().Split('\n'));
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Berth_refuses_notify_without_a_listener_path(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir"));

        var r = b.Create();

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("linux.seccomp.syscalls[0].action: SCMP_ACT_NOTIFY needs linux.seccomp.listenerPath", r.Stderr);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Berth_traces_the_load_and_names_skipped_syscalls_with_debug(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mseal", "mkdirat"));
        b.Write();

        var traced = b.Cli("--trace", "run", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --trace");
        Assert.Contains("seccomp: loading filter right before execve", traced.Stderr);
        Assert.Contains("default action SCMP_ACT_ALLOW", traced.Stderr);
        b.Cli("delete", "--force", b.Id);

        var debug = b.Cli("--debug", "run", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --debug");
        Assert.Contains("unknown syscall 'mseal' skipped", debug.Stderr);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.BerthOnly), MemberType = typeof(RuntimeUnderTest))]
    public void Berth_refuses_a_syscall_name_no_architecture_has(RuntimeUnderTest runtime)
    {
        // runc 1.1 skips any name it cannot resolve; Berth skips only names of other architectures or
        // newer kernels, and calls anything else a mistake.
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Seccomp = AllowAllBut(Rule("SCMP_ACT_ERRNO", "mkdir", "berth_no_such_syscall"));
        var r = b.Create();
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("linux.seccomp.syscalls[0]: unknown syscall 'berth_no_such_syscall'", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.NotEqual(0, b.Cli("state", b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }
}
