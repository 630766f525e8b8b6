namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "hooks": the lifecycle hooks, by phase.</summary>
public sealed class Hooks
{
    public List<Hook>? Prestart { get; set; }
    public List<Hook>? CreateRuntime { get; set; }
    public List<Hook>? CreateContainer { get; set; }
    public List<Hook>? StartContainer { get; set; }
    public List<Hook>? Poststart { get; set; }
    public List<Hook>? Poststop { get; set; }
}
