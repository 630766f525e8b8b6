namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "mounts[]": one mount, in order, after the rootfs.</summary>
public sealed class Mount
{
    public string Destination { get; set; } = "";
    public string? Type { get; set; }
    public string? Source { get; set; }
    public List<string>? Options { get; set; }
    public List<IdMapping>? UidMappings { get; set; }
    public List<IdMapping>? GidMappings { get; set; }
}
