using Berth.Cgroups.Devices;
using Berth.Oci;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>
/// The devices emulator: applying rules like the v1 kernel, and the minimal writes from one state to another
/// (the cases of runc's devices_emulator_test.go).
/// </summary>
public sealed class DeviceRuleSetTests
{
    private static readonly DeviceRule Null = DeviceRule.AllowChar(1, 3, "rwm");
    private static readonly DeviceRule Zero = DeviceRule.AllowChar(1, 5, "rwm");

    private static List<string> Writes(DeviceRuleSet from, DeviceRuleSet to) => from.TransitionTo(to).Select(r => r.ToString()).ToList();

    private static DeviceRuleSet Set(params DeviceRule[] rules) => DeviceRuleSet.FromRules(rules);

    [Fact]
    public void A_new_cgroup_allowing_everything_is_first_denied_everything_then_given_each_allow()
    {
        var target = Set(DeviceRule.DenyAll, Zero, Null, DeviceRule.AllowChar(null, null, "m"));
        Assert.Equal(["deny a", "allow c *:* m", "allow c 1:3 rwm", "allow c 1:5 rwm"], Writes(DeviceRuleSet.AllowAll(), target));
    }

    [Fact]
    public void The_same_allow_list_again_writes_nothing()
    {
        var current = Set(DeviceRule.DenyAll, Null, Zero);
        Assert.Empty(Writes(current, Set(DeviceRule.DenyAll, Zero, Null)));
    }

    [Fact]
    public void An_update_adds_and_removes_exceptions_without_a_deny_all()
    {
        var current = Set(DeviceRule.DenyAll, Null, Zero);
        var target = Set(DeviceRule.DenyAll, Null, DeviceRule.AllowChar(1, 5, "r"), DeviceRule.AllowChar(1, 9, "rwm"));
        Assert.Equal(["deny c 1:5 wm", "allow c 1:9 rwm"], Writes(current, target));
    }

    [Fact]
    public void Switching_to_a_deny_list_resets_with_allow_all_then_denies()
    {
        var current = Set(DeviceRule.DenyAll, Null);
        var target = Set(DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Block, 8, 0, DeviceAccess.All));
        Assert.Equal(["allow a", "deny b 8:0 rwm"], Writes(current, target));
    }

    [Fact]
    public void A_deny_list_is_always_reset_since_devices_list_hides_its_denies()
    {
        var target = Set(DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Block, 8, 0, DeviceAccess.All));
        Assert.Equal(["allow a", "deny b 8:0 rwm"], Writes(DeviceRuleSet.AllowAll(), target));
    }

    [Fact]
    public void The_last_all_rule_wins_and_drops_earlier_exceptions()
    {
        // runc's TestDeviceFilter_Weird: b 8:1 deny is dropped by "allow a", b 8:2 deny stays.
        var set = Set(new DeviceRule(false, DeviceType.Block, 8, 1, DeviceAccess.All), DeviceRule.AllowAll,
            new DeviceRule(false, DeviceType.Block, 8, 2, DeviceAccess.All));
        Assert.True(set.DefaultAllow);
        Assert.Equal(["allow a", "deny b 8:2 rwm"], set.Rules.Select(r => r.ToString()));
    }

    [Fact]
    public void Accesses_merge_per_device_and_deny_takes_them_away()
    {
        var set = Set(DeviceRule.DenyAll, DeviceRule.AllowChar(1, 3, "r"), DeviceRule.AllowChar(1, 3, "w"),
            new DeviceRule(false, DeviceType.Char, 1, 3, DeviceAccess.Read));
        Assert.Equal(["deny a", "allow c 1:3 w"], set.Rules.Select(r => r.ToString()));
    }

    [Fact]
    public void Punching_a_hole_in_a_wildcard_is_refused_naming_the_rule()
    {
        var error = Assert.Throws<InvalidSpecException>(() => Set(DeviceRule.DenyAll, DeviceRule.AllowChar(1, null, "rwm"),
            new DeviceRule(false, DeviceType.Char, 1, 3, DeviceAccess.Write)));
        Assert.StartsWith("linux.resources.devices[2]: \"deny c 1:3 w\" cannot take 'w' out of the wider earlier rule \"allow c 1:* rwm\"",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_list_reads_an_allow_list_or_allow_all()
    {
        var list = DevicesList.Parse("c 1:3 rwm\nc 136:* rwm\nb *:* m\n", "/x/devices.list");
        Assert.False(list.DefaultAllow);
        Assert.Equal(["deny a", "allow b *:* m", "allow c 1:3 rwm", "allow c 136:* rwm"], list.Rules.Select(r => r.ToString()));
        Assert.True(DevicesList.Parse("a *:* rwm\n", "/x/devices.list").Matches(DeviceRuleSet.AllowAll()));
        Assert.True(DevicesList.Parse("", "/x/devices.list").Matches(DeviceRuleSet.DenyAll()));
    }

    [Fact]
    public void A_malformed_devices_list_line_names_the_file()
    {
        var error = Assert.Throws<CgroupException>(() => DevicesList.Parse("c 1:3 rwx\n", "/x/devices.list"));
        Assert.Equal("read /x/devices.list: unexpected line \"c 1:3 rwx\" (expected like \"c 1:3 rwm\")", error.Message);
    }

    [Fact]
    public void Matches_compares_exceptions_only_for_allow_lists()
    {
        Assert.False(Set(DeviceRule.DenyAll, Null).Matches(Set(DeviceRule.DenyAll, Zero)));
        Assert.True(Set(DeviceRule.DenyAll, Null).Matches(Set(DeviceRule.DenyAll, Null)));
        Assert.True(DeviceRuleSet.AllowAll().Matches(Set(DeviceRule.AllowAll, new DeviceRule(false, DeviceType.Char, 1, 3, DeviceAccess.All))));
    }
}
