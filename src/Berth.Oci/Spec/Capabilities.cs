namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.capabilities": the five capability sets, by name (CAP_*).</summary>
public sealed class Capabilities
{
    public List<string>? Bounding { get; set; }
    public List<string>? Effective { get; set; }
    public List<string>? Inheritable { get; set; }
    public List<string>? Permitted { get; set; }
    public List<string>? Ambient { get; set; }
}
