using Berth.Oci.Seccomp;
using Berth.Oci.Spec;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Oci.Tests.Seccomp;

/// <summary>Docker's default profile filtered by capabilities, architecture and kernel, as moby does.</summary>
public sealed class DockerDefaultProfileTests
{
    private static readonly Version Kernel = new(6, 1);
    private static readonly string[] DockerDefaultCaps =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ];

    /// <summary>The rules that would decide a call to <paramref name="name"/> (a rule with args is conditional).</summary>
    private static List<SeccompSyscall> RulesFor(SeccompSpec profile, string name) =>
        profile.Syscalls!.Where(s => s.Names.Contains(name)).ToList();

    private static bool AllowedUnconditionally(SeccompSpec profile, string name) =>
        RulesFor(profile, name).Any(r => r.Action == "SCMP_ACT_ALLOW" && r.Args is not { Count: > 0 });

    [Fact]
    public void Refuses_everything_else_with_EPERM()
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);

        Assert.Equal("SCMP_ACT_ERRNO", profile.DefaultAction);
        Assert.Equal(1u, profile.DefaultErrnoRet);
    }

    [Theory]
    [InlineData("unshare")]
    [InlineData("mount")]
    [InlineData("umount2")]
    [InlineData("setns")]
    [InlineData("keyctl")]
    [InlineData("bpf")]
    [InlineData("reboot")]
    [InlineData("kexec_load")]
    public void Without_CAP_SYS_ADMIN_these_are_not_allowed(string name)
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);

        Assert.Empty(RulesFor(profile, name));
    }

    [Theory]
    [InlineData("read")]
    [InlineData("write")]
    [InlineData("openat")]
    [InlineData("execve")]
    [InlineData("mkdirat")]
    [InlineData("arch_prctl")]
    [InlineData("ptrace")]
    public void Ordinary_calls_are_allowed(string name) =>
        Assert.True(AllowedUnconditionally(DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel), name));

    [Fact]
    public void With_CAP_SYS_ADMIN_mount_unshare_and_clone_are_allowed_but_keyctl_is_not()
    {
        var profile = DockerDefaultProfile.Create([.. DockerDefaultCaps, "CAP_SYS_ADMIN"], "amd64", Kernel);

        Assert.True(AllowedUnconditionally(profile, "mount"));
        Assert.True(AllowedUnconditionally(profile, "unshare"));
        Assert.True(AllowedUnconditionally(profile, "clone3"));
        Assert.Single(RulesFor(profile, "clone"));
        Assert.Empty(RulesFor(profile, "keyctl"));
    }

    [Fact]
    public void Without_CAP_SYS_ADMIN_clone_is_allowed_only_without_namespace_flags_and_clone3_gets_ENOSYS()
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);

        var clone = Assert.Single(RulesFor(profile, "clone"));
        var arg = Assert.Single(clone.Args!);
        Assert.Equal((0u, 2114060288ul, "SCMP_CMP_MASKED_EQ"), (arg.Index, arg.Value, arg.Op));
        var clone3 = Assert.Single(RulesFor(profile, "clone3"));
        Assert.Equal(("SCMP_ACT_ERRNO", 38u), (clone3.Action, clone3.ErrnoRet));
    }

    [Fact]
    public void On_s390x_clone_flags_are_the_second_argument()
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "s390x", Kernel);

        Assert.Equal(1u, Assert.Single(Assert.Single(RulesFor(profile, "clone")).Args!).Index);
        Assert.Equal(["SCMP_ARCH_S390X", "SCMP_ARCH_S390"], profile.Architectures);
    }

    [Fact]
    public void Capabilities_unlock_their_own_calls()
    {
        var profile = DockerDefaultProfile.Create(["CAP_SYS_PTRACE", "CAP_SYS_TIME", "CAP_BPF"], "amd64", Kernel);

        Assert.True(AllowedUnconditionally(profile, "kcmp"));
        Assert.True(AllowedUnconditionally(profile, "clock_settime"));
        Assert.True(AllowedUnconditionally(profile, "bpf"));
        Assert.False(AllowedUnconditionally(profile, "perf_event_open"));
    }

    [Fact]
    public void X86_64_filters_its_compat_abis_too()
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);

        Assert.Equal(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"], profile.Architectures);
    }

    [Fact]
    public void Arch_specific_rules_follow_the_architecture()
    {
        var amd64 = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);
        var arm64 = DockerDefaultProfile.Create(DockerDefaultCaps, "arm64", Kernel);

        Assert.False(AllowedUnconditionally(amd64, "set_tls"));
        Assert.True(AllowedUnconditionally(arm64, "set_tls"));
        Assert.False(AllowedUnconditionally(arm64, "arch_prctl"));
        Assert.Equal(["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"], arm64.Architectures);
    }

    [Fact]
    public void Ptrace_needs_kernel_4_8_without_CAP_SYS_PTRACE()
    {
        Assert.True(AllowedUnconditionally(DockerDefaultProfile.Create([], "amd64", new Version(4, 8)), "ptrace"));
        Assert.False(AllowedUnconditionally(DockerDefaultProfile.Create([], "amd64", new Version(4, 4)), "ptrace"));
    }

    [Fact]
    public void Socket_is_allowed_except_AF_VSOCK_and_personality_only_for_known_values()
    {
        var profile = DockerDefaultProfile.Create(DockerDefaultCaps, "amd64", Kernel);

        var socket = Assert.Single(Assert.Single(RulesFor(profile, "socket")).Args!);
        Assert.Equal((40ul, "SCMP_CMP_NE"), (socket.Value, socket.Op));
        Assert.Equal([0ul, 8, 131072, 131080, 4294967295], RulesFor(profile, "personality").Select(r => r.Args![0].Value));
    }

    [Fact]
    public void Each_call_builds_fresh_objects()
    {
        var first = DockerDefaultProfile.Create([], "amd64", Kernel);
        first.Syscalls!.First(s => s.Names.Contains("socket")).Args![0].Value = 0;

        var second = DockerDefaultProfile.Create([], "amd64", Kernel);
        Assert.Equal(40ul, second.Syscalls!.First(s => s.Names.Contains("socket")).Args![0].Value);
    }

    [Fact]
    public void The_profile_validates()
    {
        var spec = DefaultSpec.Create();
        spec.Linux!.Seccomp = DockerDefaultProfile.CreateForHost(spec.Process!.Capabilities!.Bounding);
        using var bundle = new Fixtures.TempBundle();

        SpecValidator.Validate(spec, bundle.Dir);
    }
}
