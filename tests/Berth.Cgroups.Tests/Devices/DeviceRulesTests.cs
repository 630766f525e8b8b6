using Berth.Cgroups.Devices;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Cgroups.Tests.Devices;

/// <summary>linux.resources.devices → <see cref="DeviceRule"/>s: defaults for unset fields, and errors naming the field.</summary>
public sealed class DeviceRulesTests
{
    private static InvalidSpecException Invalid(params DeviceCgroup[] devices) =>
        Assert.Throws<InvalidSpecException>(() => DeviceRules.FromSpec(devices));

    [Fact]
    public void Unset_type_major_and_minor_mean_any_device()
    {
        var rules = DeviceRules.FromSpec([new DeviceCgroup { Allow = false, Access = "rwm" }]);
        Assert.Equal([DeviceRule.DenyAll], rules);
        Assert.Equal("a", rules[0].CgroupText);
    }

    [Fact]
    public void Each_field_is_carried_over_and_written_like_the_kernel_lists_it()
    {
        var rules = DeviceRules.FromSpec(
        [
            new DeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "mwr" },
            new DeviceCgroup { Allow = false, Type = "b", Major = 8, Access = "w" },
        ]);
        Assert.Equal(new DeviceRule(true, DeviceType.Char, 1, 3, DeviceAccess.All), rules[0]);
        Assert.Equal("c 1:3 rwm", rules[0].CgroupText);
        Assert.Equal("b 8:* w", rules[1].CgroupText);
        Assert.Equal("deny b 8:* w", rules[1].ToString());
    }

    [Fact]
    public void A_type_other_than_a_b_c_names_its_field()
    {
        var error = Invalid(NullDevice(), new DeviceCgroup { Allow = true, Type = "u", Access = "r" });
        Assert.Equal("linux.resources.devices[1].type: must be one of a, b, c (all, block, char), got 'u'", error.Message);
    }

    [Theory]
    [InlineData("rwx", "linux.resources.devices[0].access: must be made of the letters r, w, m (read, write, mknod), got 'rwx'")]
    [InlineData("", "linux.resources.devices[0].access: must not be empty; use letters of \"rwm\" (read, write, mknod)")]
    [InlineData(null, "linux.resources.devices[0].access: must not be empty; use letters of \"rwm\" (read, write, mknod)")]
    public void Bad_access_letters_name_the_field(string? access, string message)
    {
        Assert.Equal(message, Invalid(new DeviceCgroup { Type = "c", Access = access }).Message);
    }

    [Fact]
    public void Negative_or_too_large_numbers_name_the_field()
    {
        Assert.StartsWith("linux.resources.devices[0].major: must be between 0 and 4294967295",
            Invalid(new DeviceCgroup { Type = "c", Major = -1, Access = "r" }).Message, StringComparison.Ordinal);
        Assert.StartsWith("linux.resources.devices[0].minor: must be between 0 and 4294967295",
            Invalid(new DeviceCgroup { Type = "c", Minor = 1L << 32, Access = "r" }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_entry_names_its_index()
    {
        var error = Assert.Throws<InvalidSpecException>(() => DeviceRules.FromSpec(new List<DeviceCgroup?> { null }));
        Assert.Equal("linux.resources.devices[0]: must be an object, got null", error.Message);
    }

    [Theory]
    [InlineData("rwm", DeviceAccess.All, "rwm")]
    [InlineData("mr", DeviceAccess.Read | DeviceAccess.Mknod, "rm")]
    [InlineData("ww", DeviceAccess.Write, "w")]
    public void Access_text_round_trips_in_rwm_order(string text, DeviceAccess access, string formatted)
    {
        Assert.Equal(access, DeviceAccessText.TryParse(text));
        Assert.Equal(formatted, DeviceAccessText.Format(access));
    }

    private static DeviceCgroup NullDevice() => new() { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" };
}
