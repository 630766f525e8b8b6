namespace Berth.Oci.Features;

/// <summary>
/// The runtime-spec features document (features.md), printed by <c>features</c>: what this build of the
/// runtime recognizes, independent of the host. A null property means "unknown", not "none".
/// </summary>
public sealed class Features
{
    /// <summary>REQUIRED. The oldest config.json ociVersion accepted.</summary>
    public string OciVersionMin { get; set; } = "";

    /// <summary>REQUIRED. The newest config.json ociVersion accepted.</summary>
    public string OciVersionMax { get; set; } = "";

    /// <summary>Recognized hook names ("prestart", "createRuntime", …).</summary>
    public List<string>? Hooks { get; set; }

    /// <summary>Recognized mount option words (not filesystem data).</summary>
    public List<string>? MountOptions { get; set; }

    public LinuxFeatures? Linux { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>config.json annotations that can weaken isolation; a value ending in "." is a prefix.</summary>
    public List<string>? PotentiallyUnsafeConfigAnnotations { get; set; }
}
