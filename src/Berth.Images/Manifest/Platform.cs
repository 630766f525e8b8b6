using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Berth.Images.Manifest;

/// <summary>
/// os/architecture/variant of an image (GOOS/GOARCH names: amd64, arm64, arm v7...). <see cref="Parse"/> takes
/// the <c>--platform</c> form <c>linux/arm64/v8</c> and normalises aliases the way containerd does
/// (x86_64 → amd64, aarch64 → arm64, armhf → arm/v7).
/// </summary>
public sealed class Platform
{
    public string Architecture { get; set; } = "";
    public string Os { get; set; } = "";
    [JsonPropertyName("os.version")] public string? OsVersion { get; set; }
    [JsonPropertyName("os.features")] public List<string>? OsFeatures { get; set; }
    public string? Variant { get; set; }

    public override string ToString() => string.IsNullOrEmpty(Variant) ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    public static Platform Parse(string text)
    {
        string[] parts = text.ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            throw new Oci.BerthException($"invalid platform \"{text}\": expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8");
        }
        (string arch, string? variant) = NormaliseArchitecture(parts[1], parts.Length == 3 ? parts[2] : null);
        return new Platform { Os = parts[0], Architecture = arch, Variant = variant };
    }

    /// <summary>The platform of this machine (what <c>pull</c> selects without <c>--platform</c>).</summary>
    public static Platform Host() => new()
    {
        Os = "linux",
        Architecture = RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            System.Runtime.InteropServices.Architecture.S390x => "s390x",
            System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
            System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
            var other => other.ToString().ToLowerInvariant(),
        },
        Variant = RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm ? "v7" : null,
    };

    /// <summary>Maps architecture aliases to GOARCH and drops default variants (arm64's v8, amd64's v1).</summary>
    public static (string Architecture, string? Variant) NormaliseArchitecture(string arch, string? variant)
    {
        variant = string.IsNullOrEmpty(variant) ? null : variant.ToLowerInvariant();
        switch (arch.ToLowerInvariant())
        {
            case "x86_64" or "x86-64" or "amd64":
                return ("amd64", variant == "v1" ? null : variant);
            case "aarch64" or "arm64":
                return ("arm64", variant is "8" or "v8" ? null : variant);
            case "armhf":
                return ("arm", "v7");
            case "armel":
                return ("arm", "v6");
            case "arm":
                return ("arm", variant switch { null => "v7", "5" or "6" or "7" or "8" => "v" + variant, _ => variant });
            case "i386" or "i686":
                return ("386", variant);
            default:
                return (arch.ToLowerInvariant(), variant);
        }
    }
}
