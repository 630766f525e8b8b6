namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.network.priorities[]".</summary>
public sealed class NetworkPriority
{
    public string Name { get; set; } = "";
    public uint Priority { get; set; }
}
