namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.network" (net_cls / net_prio).</summary>
public sealed class Network
{
    public uint? ClassID { get; set; }
    public List<NetworkPriority>? Priorities { get; set; }
}
