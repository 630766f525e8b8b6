using System.Text.Json;
using System.Text.Json.Nodes;
using Berth.Oci.Linux;

namespace Berth.Oci.Tests;

public class FeaturesBuilderTests
{
    private static JsonNode Json(bool seccomp) =>
        JsonNode.Parse(JsonSerializer.Serialize(FeaturesBuilder.Create(seccomp), OciJsonContext.Default.Features))!;

    [Fact]
    public void Versions_hooks_and_mount_options()
    {
        var f = FeaturesBuilder.Create(seccompEnabled: false);

        Assert.Equal(SpecVersion.Minimum, f.OciVersionMin);
        Assert.Equal(SpecVersion.Current, f.OciVersionMax);
        Assert.Equal(["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"], f.Hooks);
        Assert.Equal(MountOptions.Known, f.MountOptions);
    }

    [Fact]
    public void Linux_lists_come_from_the_tables()
    {
        var linux = FeaturesBuilder.Create(false).Linux!;

        Assert.Equal(NamespaceTypes.Names, linux.Namespaces);
        Assert.Equal(CapabilityNames.All, linux.Capabilities);
        Assert.True(linux.Cgroup!.V1);
        Assert.True(linux.Cgroup.V2);
    }

    [Fact]
    public void Without_seccomp_only_enabled_false_is_written()
    {
        var seccomp = Json(seccomp: false)["linux"]!["seccomp"]!;

        Assert.Equal("{\"enabled\":false}", seccomp.ToJsonString());
    }

    [Fact]
    public void With_seccomp_the_names_are_listed()
    {
        var seccomp = Json(seccomp: true)["linux"]!["seccomp"]!;

        Assert.True(seccomp["enabled"]!.GetValue<bool>());
        Assert.Contains("SCMP_ACT_NOTIFY", seccomp["actions"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("SCMP_CMP_MASKED_EQ", seccomp["operators"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("SCMP_ARCH_X86_64", seccomp["archs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(seccomp["knownFlags"]!.ToJsonString(), seccomp["supportedFlags"]!.ToJsonString());
    }

    [Fact]
    public void Json_uses_the_features_md_names()
    {
        var json = Json(seccomp: true);
        var linux = json["linux"]!.AsObject();

        Assert.NotNull(json["ociVersionMin"]);
        Assert.NotNull(json["ociVersionMax"]);
        Assert.NotNull(json["mountOptions"]);
        Assert.Equal(
            ["apparmor", "capabilities", "cgroup", "intelRdt", "mountExtensions", "namespaces", "netDevices", "seccomp", "selinux"],
            linux.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["rdma", "systemd", "systemdUser", "v1", "v2"], linux["cgroup"]!.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(linux["mountExtensions"]!["idmap"]!["enabled"]);
        Assert.Null(json["annotations"]);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        string first = JsonSerializer.Serialize(FeaturesBuilder.Create(true), OciJsonContext.Default.Features);
        var parsed = JsonSerializer.Deserialize(first, OciJsonContext.Default.Features)!;

        Assert.Equal(first, JsonSerializer.Serialize(parsed, OciJsonContext.Default.Features));
    }

    [Fact]
    public void Seccomp_archs_and_supported_flags_come_from_the_host_probe()
    {
        var seccomp = FeaturesBuilder.Create(true, ["SCMP_ARCH_X86_64"], ["SECCOMP_FILTER_FLAG_TSYNC"]).Linux!.Seccomp!;

        Assert.Equal(["SCMP_ARCH_X86_64"], seccomp.Archs);
        Assert.Equal(["SECCOMP_FILTER_FLAG_TSYNC"], seccomp.SupportedFlags);
        Assert.Equal(SeccompNames.Flags, seccomp.KnownFlags);
    }
}
