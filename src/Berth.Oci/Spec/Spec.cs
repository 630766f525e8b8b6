namespace Berth.Oci.Spec;

/// <summary>The OCI runtime-spec <c>config.json</c> (runtime-spec/config.md). Field names keep the spec's names.</summary>
public sealed class Spec
{
    /// <summary>REQUIRED. Empty when config.json leaves it out, so that validation can say so.</summary>
    public string OciVersion { get; set; } = "";
    public Process? Process { get; set; }
    public Root? Root { get; set; }
    public string? Hostname { get; set; }
    public string? Domainname { get; set; }
    public List<Mount>? Mounts { get; set; }
    public Hooks? Hooks { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public Linux? Linux { get; set; }
}
