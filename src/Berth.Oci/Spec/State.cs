namespace Berth.Oci.Spec;

/// <summary>The OCI state (runtime-spec runtime.md "State"), as printed by <c>state</c> and passed to hooks on stdin.</summary>
public sealed class State
{
    public string OciVersion { get; set; } = SpecVersion.Current;
    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public int Pid { get; set; }
    public string Bundle { get; set; } = "";
    public Dictionary<string, string>? Annotations { get; set; }
}
