using Berth.Oci.Spec;
using Berth.Oci.Tests.Fixtures;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Oci.Tests.Seccomp;

/// <summary>linux.seccomp mistakes fail validation with one line naming the field.</summary>
public sealed class SeccompValidationTests : IDisposable
{
    private readonly TempBundle _bundle = new();
    private readonly Spec.Spec _spec = DefaultSpec.Create();

    public void Dispose() => _bundle.Dispose();

    private string Error(SeccompSpec seccomp)
    {
        _spec.Linux!.Seccomp = seccomp;
        return Assert.Throws<InvalidSpecException>(() => SpecValidator.Validate(_spec, _bundle.Dir)).Message;
    }

    private static SeccompSpec WithRule(SeccompSyscall rule) => new() { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [rule] };

    [Fact]
    public void A_complete_profile_is_valid()
    {
        _spec.Linux!.Seccomp = new SeccompSpec
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            DefaultErrnoRet = 1,
            Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
            Flags = ["SECCOMP_FILTER_FLAG_LOG"],
            Syscalls = [new SeccompSyscall { Names = ["personality"], Action = "SCMP_ACT_ALLOW", Args = [new SeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }] }],
        };

        SpecValidator.Validate(_spec, _bundle.Dir);
    }

    [Fact]
    public void A_profile_without_default_action_or_syscalls_is_no_filter_and_valid()
    {
        _spec.Linux!.Seccomp = new SeccompSpec();

        SpecValidator.Validate(_spec, _bundle.Dir);
    }

    [Fact]
    public void An_unknown_default_action() =>
        Assert.StartsWith("linux.seccomp.defaultAction: unknown action 'SCMP_ACT_BOGUS'", Error(new SeccompSpec { DefaultAction = "SCMP_ACT_BOGUS" }));

    [Fact]
    public void Rules_without_a_default_action() =>
        Assert.StartsWith("linux.seccomp.defaultAction: missing",
            Error(new SeccompSpec { Syscalls = [new SeccompSyscall { Names = ["read"], Action = "SCMP_ACT_ALLOW" }] }));

    [Fact]
    public void An_unknown_rule_action() =>
        Assert.StartsWith("linux.seccomp.syscalls[0].action: unknown action 'ALLOW'",
            Error(WithRule(new SeccompSyscall { Names = ["read"], Action = "ALLOW" })));

    [Fact]
    public void An_unknown_operator() =>
        Assert.StartsWith("linux.seccomp.syscalls[0].args[0].op: unknown operator 'SCMP_CMP_BOGUS'",
            Error(WithRule(new SeccompSyscall { Names = ["read"], Action = "SCMP_ACT_ERRNO", Args = [new SeccompArg { Op = "SCMP_CMP_BOGUS" }] })));

    [Fact]
    public void An_argument_index_above_five() =>
        Assert.StartsWith("linux.seccomp.syscalls[0].args[0].index: must be 0..5",
            Error(WithRule(new SeccompSyscall { Names = ["read"], Action = "SCMP_ACT_ERRNO", Args = [new SeccompArg { Index = 6, Op = "SCMP_CMP_EQ" }] })));

    [Fact]
    public void An_unknown_architecture() =>
        Assert.StartsWith("linux.seccomp.architectures[1]: unknown value 'x86_64'",
            Error(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Architectures = ["SCMP_ARCH_X86_64", "x86_64"] }));

    [Fact]
    public void An_unknown_flag() =>
        Assert.StartsWith("linux.seccomp.flags[0]: unknown value 'SECCOMP_FILTER_FLAG_BOGUS'",
            Error(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = ["SECCOMP_FILTER_FLAG_BOGUS"] }));

    [Fact]
    public void Empty_names_and_an_empty_name()
    {
        Assert.StartsWith("linux.seccomp.syscalls[0].names: missing", Error(WithRule(new SeccompSyscall { Action = "SCMP_ACT_ERRNO" })));
        Assert.StartsWith("linux.seccomp.syscalls[0].names[1]: must be a syscall name",
            Error(WithRule(new SeccompSyscall { Names = ["read", ""], Action = "SCMP_ACT_ERRNO" })));
    }

    [Fact]
    public void An_errno_the_kernel_cannot_return() =>
        Assert.StartsWith("linux.seccomp.syscalls[0].errnoRet: must be an errno number 0..4095, got 70000",
            Error(WithRule(new SeccompSyscall { Names = ["read"], Action = "SCMP_ACT_ERRNO", ErrnoRet = 70000 })));

    [Fact]
    public void A_relative_listener_path() =>
        Assert.StartsWith("linux.seccomp.listenerPath: must be an absolute path",
            Error(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "agent.sock" }));

    [Fact]
    public void A_syscall_name_that_is_not_a_string_is_named_by_the_loader()
    {
        string json = "{\"linux\": {\"seccomp\": {\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\", 42], \"action\": \"SCMP_ACT_ERRNO\"}]}}}";

        var e = Assert.Throws<InvalidSpecException>(() => SpecLoader.Parse(json, "config.json"));
        Assert.Equal("config.json line 1: linux.seccomp.syscalls[0].names[1]: expected a string, got a number", e.Message);
    }
}
