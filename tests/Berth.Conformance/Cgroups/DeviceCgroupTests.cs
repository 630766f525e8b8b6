using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Cgroups;

/// <summary>
/// runtime-spec config-linux.md "Device allowlist" (linux.resources.devices): a device node in the container is
/// usable only when the rules (and the runtime's default allow-list) allow it. /dev/fuse (c 10:229) is in neither
/// the default spec's rules nor runc's defaults, so it shows the difference.
/// </summary>
public class DeviceCgroupTests
{
    private const string ProbeFuse = "if out=$(sh -c ': <> /dev/fuse' 2>&1); then echo fuse: ok; else echo \"fuse: $out\"; fi; : <> /dev/null && echo null: ok";

    private static TestBundle WithFuse(RuntimeUnderTest runtime)
    {
        var b = new TestBundle(runtime);
        b.Spec.Linux!.Devices = [new Device { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 0x1b6 }];
        return b;
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_device_the_rules_do_not_allow_cannot_be_opened(RuntimeUnderTest runtime)
    {
        using var b = WithFuse(runtime); // default spec: "deny a rwm" only
        string output = b.Sh(ProbeFuse);
        Assert.Contains("Operation not permitted", output);
        Assert.Contains("null: ok", output);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_device_the_rules_allow_can_be_opened(RuntimeUnderTest runtime)
    {
        using var b = WithFuse(runtime);
        b.Spec.Linux!.Resources!.Devices!.Add(new DeviceCgroup { Allow = true, Type = "c", Major = 10, Minor = 229, Access = "rwm" });
        Assert.Equal("fuse: ok\nnull: ok\n", b.Sh(ProbeFuse));
    }
}
