namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.pids".</summary>
public sealed class Pids
{
    public long Limit { get; set; }
}
