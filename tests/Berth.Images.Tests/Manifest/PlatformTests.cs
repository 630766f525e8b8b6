using Berth.Images.Distribution;
using Berth.Images.Manifest;

namespace Berth.Images.Tests.Manifest;

public class PlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux/amd64")]
    [InlineData("linux/x86_64", "linux/amd64")]
    [InlineData("linux/aarch64", "linux/arm64")]
    [InlineData("linux/arm64/v8", "linux/arm64")]
    [InlineData("linux/armhf", "linux/arm/v7")]
    [InlineData("linux/arm", "linux/arm/v7")]
    [InlineData("Linux/ARM/v6", "linux/arm/v6")]
    public void Parse_normalises(string text, string expected) => Assert.Equal(expected, Platform.Parse(text).ToString());

    [Theory]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("a/b/c/d")]
    public void Parse_rejects(string text) => Assert.Throws<Berth.Oci.BerthException>(() => Platform.Parse(text));

    private static ImageIndex Index(params (string Os, string Arch, string? Variant, string Digest)[] entries) => new()
    {
        Manifests = entries.Select(e => new Descriptor
        {
            MediaType = MediaTypes.OciManifest,
            Digest = e.Digest,
            Platform = new Platform { Os = e.Os, Architecture = e.Arch, Variant = e.Variant },
        }).ToList(),
    };

    [Fact]
    public void Selects_by_os_arch_and_variant()
    {
        var index = Index(("unknown", "unknown", null, "att"), ("linux", "amd64", null, "amd"), ("linux", "arm", "v6", "arm6"), ("linux", "arm", "v7", "arm7"), ("linux", "arm64", "v8", "arm64"));
        Assert.Equal("amd", PlatformMatcher.Select(index, Platform.Parse("linux/amd64"), "x").Digest);
        Assert.Equal("arm7", PlatformMatcher.Select(index, Platform.Parse("linux/arm/v7"), "x").Digest);
        Assert.Equal("arm6", PlatformMatcher.Select(index, Platform.Parse("linux/arm/v6"), "x").Digest);
        Assert.Equal("arm64", PlatformMatcher.Select(index, Platform.Parse("linux/arm64"), "x").Digest);
    }

    [Fact]
    public void Missing_platform_names_what_is_available()
    {
        var index = Index(("linux", "amd64", null, "amd"), ("unknown", "unknown", null, "att"));
        var e = Assert.Throws<RegistryException>(() => PlatformMatcher.Select(index, Platform.Parse("linux/s390x"), "alpine:latest"));
        Assert.Equal(RegistryErrorKind.PlatformNotFound, e.Kind);
        Assert.Contains("linux/s390x", e.Message);
        Assert.Contains("available: linux/amd64)", e.Message);
    }
}
