using Berth.Oci;
using Berth.Oci.Seccomp;
using Berth.Oci.Spec;
using Berth.Runtime.Interop;
using Berth.Runtime.Seccomp;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Runtime.Tests.Seccomp;

/// <summary>
/// Profiles compiled by the real libseccomp, and the exported BPF run through <see cref="BpfInterpreter"/>
/// for the host's own architecture: what a container's syscall would get, without root.
/// </summary>
public sealed class SeccompCompilerTests
{
    private const uint EPERM = 1, ENOSYS = 38;
    private static readonly uint Native = LibSeccomp.seccomp_arch_native();

    private static int Nr(string name) => LibSeccomp.seccomp_syscall_resolve_name_arch(Native, name);

    private static uint Verdict(SeccompProgram program, string syscall, params ulong[] args) =>
        BpfInterpreter.Run(program.Filter, Nr(syscall), Native, args);

    private static SeccompProgram Compile(SeccompSpec spec) => SeccompCompiler.Compile(spec)!;

    private static SeccompSyscall Rule(string action, params string[] names) => new() { Names = [.. names], Action = action };

    [Fact]
    public void Allow_by_default_with_mkdir_refused_gives_EPERM_for_mkdir_only()
    {
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_ERRNO", "mkdir", "mkdirat")] });

        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "mkdirat"));
        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "mkdir"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "read"));
        Assert.Equal("SCMP_ACT_ALLOW", p.DefaultAction);
    }

    [Fact]
    public void Default_errno_ret_and_rule_errno_ret_are_returned()
    {
        var rule = Rule("SCMP_ACT_ERRNO", "getpid");
        rule.ErrnoRet = 13;
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ERRNO", DefaultErrnoRet = 5, Syscalls = [rule, Rule("SCMP_ACT_ALLOW", "read", "write", "exit_group")] });

        Assert.Equal(SeccompActions.Errno | 5, Verdict(p, "close")); // a number below the profile's highest (no -ENOSYS stub)
        Assert.Equal(SeccompActions.Errno | 13, Verdict(p, "getpid"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "write"));
    }

    [Fact]
    public void An_argument_rule_matches_only_that_value()
    {
        var rule = Rule("SCMP_ACT_ERRNO", "personality");
        rule.Args = [new SeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }];
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [rule] });

        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "personality", 8));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "personality", 0));
    }

    [Fact]
    public void Masked_eq_compares_the_masked_argument()
    {
        var rule = Rule("SCMP_ACT_KILL_PROCESS", "unshare");
        rule.Args = [new SeccompArg { Index = 0, Value = 0x10000000, ValueTwo = 0x10000000, Op = "SCMP_CMP_MASKED_EQ" }];
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [rule] });

        Assert.Equal(SeccompActions.KillProcess, Verdict(p, "unshare", 0x10020000)); // CLONE_NEWUSER|CLONE_NEWNS
        Assert.Equal(SeccompActions.Allow, Verdict(p, "unshare", 0x00020000));
    }

    [Fact]
    public void A_syscall_of_another_architecture_is_skipped_and_the_rest_applies()
    {
        // socketcall exists on i386, not on x86_64; mseal (Linux 6.10) is newer than libseccomp 2.5.4.
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_ERRNO", "socketcall", "mseal", "mkdirat")] });

        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "mkdirat"));
    }

    [Fact]
    public void A_name_that_no_architecture_has_is_an_error_naming_the_field()
    {
        var e = Assert.Throws<Berth.Oci.BerthException>(() =>
            Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_ERRNO", "mkdirr")] }));

        Assert.Contains("linux.seccomp.syscalls[0]", e.Message);
        Assert.Contains("unknown syscall 'mkdirr'", e.Message);
    }

    [Fact]
    public void A_refusing_default_gets_the_ENOSYS_stub_for_syscalls_newer_than_the_profile()
    {
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ERRNO", Syscalls = [Rule("SCMP_ACT_ALLOW", "read", "write")] });

        int newest = Math.Max(Nr("read"), Nr("write"));
        Assert.Equal(SeccompActions.Errno | ENOSYS, BpfInterpreter.Run(p.Filter, newest + 1, Native));
        Assert.Equal(SeccompActions.Errno | EPERM, BpfInterpreter.Run(p.Filter, newest - 1 == Nr("read") ? newest - 2 : newest - 1, Native));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "write"));
    }

    [Fact]
    public void An_allowing_default_gets_no_stub()
    {
        var p = Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_ERRNO", "read")] });

        Assert.Equal(SeccompActions.Allow, BpfInterpreter.Run(p.Filter, 1000, Native));
    }

    [Fact]
    public void Docker_default_without_CAP_SYS_ADMIN_refuses_mount_unshare_and_keyctl()
    {
        var p = Compile(DockerDefaultProfile.CreateForHost(["CAP_CHOWN", "CAP_KILL"]));

        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "mount"));
        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "unshare"));
        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "keyctl"));
        Assert.Equal(SeccompActions.Errno | ENOSYS, Verdict(p, "clone3"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "read"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "clone", 0x01200011)); // fork: SIGCHLD|CLONE_CHILD_*TID
        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "clone", 0x10000000)); // CLONE_NEWUSER
        Assert.Equal(SeccompActions.Errno | ENOSYS, BpfInterpreter.Run(p.Filter, 1000, Native));
    }

    [Fact]
    public void Docker_default_with_CAP_SYS_ADMIN_allows_mount_and_unshare()
    {
        var p = Compile(DockerDefaultProfile.CreateForHost(["CAP_SYS_ADMIN"]));

        Assert.Equal(SeccompActions.Allow, Verdict(p, "mount"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "unshare"));
        Assert.Equal(SeccompActions.Allow, Verdict(p, "clone3"));
        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "keyctl"));
    }

    [X64Fact]
    public void Docker_default_filters_i386_calls_on_x86_64_too()
    {
        var p = Compile(DockerDefaultProfile.CreateForHost([]));

        int i386Mount = LibSeccomp.seccomp_syscall_resolve_name_arch(BpfInterpreter.AuditArchI386, "mount");
        int i386Read = LibSeccomp.seccomp_syscall_resolve_name_arch(BpfInterpreter.AuditArchI386, "read");
        Assert.Equal(SeccompActions.Errno | EPERM, BpfInterpreter.Run(p.Filter, i386Mount, BpfInterpreter.AuditArchI386));
        Assert.Equal(SeccompActions.Allow, BpfInterpreter.Run(p.Filter, i386Read, BpfInterpreter.AuditArchI386));
    }

    [Fact]
    public void Every_name_in_dockers_profile_is_a_syscall_libseccomp_knows_on_some_architecture()
    {
        string[] archNames = ["x86_64", "x86", "x32", "aarch64", "arm", "s390x", "ppc64le", "riscv64", "mips64"];
        uint[] arches = archNames
            .Select(LibSeccomp.seccomp_arch_resolve_name).ToArray();
        var profile = DockerDefaultProfile.Create(CapabilityNamesForAll(), "amd64", new Version(6, 1));
        var arm = DockerDefaultProfile.Create([], "arm64", new Version(6, 1));
        var s390 = DockerDefaultProfile.Create([], "s390x", new Version(6, 1));
        var names = profile.Syscalls!.Concat(arm.Syscalls!).Concat(s390.Syscalls!).SelectMany(s => s.Names).Distinct();
        // Names newer than this libseccomp (2.5.4 knows syscalls up to Linux 5.x/6.0) are skipped at compile time like any unknown name.
        string[] newerThanLibseccomp254 = ["cachestat", "fchmodat2", "futex_requeue", "futex_wait", "futex_wake", "map_shadow_stack"];
        var unknown = names.Where(n => arches.All(a => LibSeccomp.seccomp_syscall_resolve_name_arch(a, n) < 0) && !newerThanLibseccomp254.Contains(n));
        Assert.Empty(unknown);
    }

    private static string[] CapabilityNamesForAll() => [.. Oci.Linux.CapabilityNames.All];

    [Fact]
    public void An_architecture_libseccomp_does_not_know_is_named()
    {
        var e = Assert.Throws<BerthException>(() => Compile(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Architectures = ["SCMP_ARCH_BOGUS"] }));
        Assert.Contains("linux.seccomp.architectures[0]", e.Message);
    }

    [Fact]
    public void The_same_syscall_twice_keeps_the_first_action_as_libseccomp_merges_it()
    {
        var p = Compile(new SeccompSpec
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [Rule("SCMP_ACT_ERRNO", "mkdirat"), Rule("SCMP_ACT_KILL", "mkdirat")],
        });

        Assert.Equal(SeccompActions.Errno | EPERM, Verdict(p, "mkdirat"));
    }

    [Fact]
    public void No_default_action_and_no_syscalls_means_no_filter() =>
        Assert.Null(SeccompCompiler.Compile(new SeccompSpec()));
}
