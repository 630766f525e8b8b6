namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.ioPriority" (ioprio_set(2)).</summary>
public sealed class IoPriority
{
    public string Class { get; set; } = "";
    public int Priority { get; set; }
}
