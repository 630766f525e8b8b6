using Berth.Oci;
using Berth.Oci.Spec;
using Berth.Runtime.Seccomp;
using SeccompSpec = Berth.Oci.Spec.Seccomp;

namespace Berth.Runtime.Tests.Seccomp;

/// <summary>The pure translation of linux.seccomp: actions, conditions, flags, and what is refused.</summary>
public sealed class SeccompPlanTests
{
    private static SeccompPlan Plan(SeccompSpec spec, Func<uint, bool>? supported = null) =>
        SeccompPlan.FromSpec(spec, supported ?? (_ => true))!;

    private static SeccompSyscall Rule(string action, params string[] names) => new() { Names = [.. names], Action = action };

    [Theory]
    [InlineData("SCMP_ACT_KILL", null, 0x00000000u)]
    [InlineData("SCMP_ACT_KILL_THREAD", null, 0x00000000u)]
    [InlineData("SCMP_ACT_KILL_PROCESS", null, 0x80000000u)]
    [InlineData("SCMP_ACT_TRAP", null, 0x00030000u)]
    [InlineData("SCMP_ACT_ERRNO", null, 0x00050001u)]
    [InlineData("SCMP_ACT_ERRNO", 38u, 0x00050026u)]
    [InlineData("SCMP_ACT_TRACE", null, 0x7ff00001u)]
    [InlineData("SCMP_ACT_TRACE", 7u, 0x7ff00007u)]
    [InlineData("SCMP_ACT_LOG", null, 0x7ffc0000u)]
    [InlineData("SCMP_ACT_ALLOW", null, 0x7fff0000u)]
    public void Default_actions_encode_as_the_kernel_return_values(string action, uint? errno, uint expected) =>
        Assert.Equal(expected, Plan(new SeccompSpec { DefaultAction = action, DefaultErrnoRet = errno }).DefaultAction);

    [Fact]
    public void A_rule_per_syscall_name_with_its_conditions()
    {
        var rule = Rule("SCMP_ACT_ERRNO", "personality", "mkdir");
        rule.Args = [new SeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }, new SeccompArg { Index = 1, Value = 3, Op = "SCMP_CMP_GT" }];
        var plan = Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [rule] });

        Assert.Equal(["personality", "mkdir"], plan.Rules.Select(r => r.Syscall));
        Assert.Equal([new SeccompCondition(0, 4, 8, 0), new SeccompCondition(1, 6, 3, 0)], plan.Rules[0].Conditions);
        Assert.Equal("linux.seccomp.syscalls[0]", plan.Rules[1].Field);
    }

    [Fact]
    public void Two_conditions_on_one_argument_become_two_rules_as_runc_does()
    {
        var rule = Rule("SCMP_ACT_ERRNO", "personality");
        rule.Args = [new SeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }, new SeccompArg { Index = 0, Value = 9, Op = "SCMP_CMP_EQ" }];
        var plan = Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [rule] });

        Assert.Equal(2, plan.Rules.Count);
        Assert.All(plan.Rules, r => Assert.Single(r.Conditions));
    }

    [Fact]
    public void A_rule_with_the_default_action_is_dropped() =>
        Assert.Empty(Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_ALLOW", "read")] }).Rules);

    [Fact]
    public void Flags_absent_means_spec_allow_when_the_kernel_has_it()
    {
        Assert.Equal(SeccompFlags.SpecAllow, Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW" }).Flags);
        Assert.Equal(0u, Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW" }, _ => false).Flags);
        Assert.Equal(0u, Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = [] }).Flags);
    }

    [Fact]
    public void Flags_become_bits()
    {
        var plan = Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = ["SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG"] });

        Assert.Equal(SeccompFlags.Tsync | SeccompFlags.Log, plan.Flags);
    }

    [Fact]
    public void A_flag_the_kernel_lacks_is_an_error_naming_it()
    {
        var e = Assert.Throws<BerthException>(() =>
            Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = ["SECCOMP_FILTER_FLAG_LOG"] }, _ => false));
        Assert.Contains("linux.seccomp.flags[0]: SECCOMP_FILTER_FLAG_LOG is not supported", e.Message);
    }

    [Fact]
    public void Notify_needs_a_listener_path()
    {
        var e = Assert.Throws<InvalidSpecException>(() =>
            Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_NOTIFY", "mkdir")] }));
        Assert.Contains("linux.seccomp.syscalls[0].action: SCMP_ACT_NOTIFY needs linux.seccomp.listenerPath", e.Message);
    }

    [Fact]
    public void A_listener_path_adds_the_new_listener_flag_and_allows_notify()
    {
        var plan = Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock", Syscalls = [Rule("SCMP_ACT_NOTIFY", "mkdir")] });

        Assert.Equal(SeccompFlags.SpecAllow | SeccompFlags.NewListener, plan.Flags);
        Assert.Equal(SeccompActions.Notify, Assert.Single(plan.Rules).Action);
    }

    [Fact]
    public void A_kernel_without_listeners_is_named()
    {
        var e = Assert.Throws<BerthException>(() =>
            Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock" }, bit => bit != SeccompFlags.NewListener));
        Assert.Contains("linux.seccomp.listenerPath: this kernel has no seccomp user notification", e.Message);
    }

    [Theory]
    [InlineData("write")]
    [InlineData("sendmsg")]
    public void Notify_is_refused_for_the_calls_the_init_hands_the_listener_over_with(string name)
    {
        var e = Assert.Throws<InvalidSpecException>(() =>
            Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock", Syscalls = [Rule("SCMP_ACT_NOTIFY", "mkdir", name)] }));
        Assert.Contains($"SCMP_ACT_NOTIFY cannot be used for {name}", e.Message);
    }

    [Fact]
    public void Wait_killable_recv_needs_a_listener()
    {
        var flags = new List<string> { "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" };
        var e = Assert.Throws<InvalidSpecException>(() => Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = flags }));
        Assert.Contains("only applies to a seccomp listener", e.Message);
        var plan = Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Flags = flags, ListenerPath = "/run/agent.sock" });
        Assert.Equal(SeccompFlags.WaitKillableRecv | SeccompFlags.NewListener, plan.Flags);
    }

    [Fact]
    public void Notify_cannot_be_the_default() =>
        Assert.Contains("defaultAction", Assert.Throws<InvalidSpecException>(() => Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_NOTIFY" })).Message);

    [Fact]
    public void An_unknown_action_names_the_field() =>
        Assert.Contains("linux.seccomp.syscalls[0].action: unknown action 'SCMP_ACT_BOGUS'",
            Assert.Throws<InvalidSpecException>(() => Plan(new SeccompSpec { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Rule("SCMP_ACT_BOGUS", "read")] })).Message);
}
