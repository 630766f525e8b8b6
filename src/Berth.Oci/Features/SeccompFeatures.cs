namespace Berth.Oci.Features;

/// <summary>runtime-spec features-linux.md "seccomp": whether seccomp is built in, and the names it recognizes.</summary>
public sealed class SeccompFeatures
{
    public bool? Enabled { get; set; }
    public List<string>? Actions { get; set; }
    public List<string>? Operators { get; set; }
    public List<string>? Archs { get; set; }
    public List<string>? KnownFlags { get; set; }

    /// <summary>The known flags that are also supported (a subset of <see cref="KnownFlags"/>).</summary>
    public List<string>? SupportedFlags { get; set; }
}
