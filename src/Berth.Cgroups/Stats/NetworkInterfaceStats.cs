namespace Berth.Cgroups.Stats;

/// <summary>One interface's counters from the container's network namespace (runc's types.NetworkInterface; Go writes the field names as they are).</summary>
public sealed class NetworkInterfaceStats
{
    public string Name { get; set; } = "";
    public ulong RxBytes { get; set; }
    public ulong RxPackets { get; set; }
    public ulong RxErrors { get; set; }
    public ulong RxDropped { get; set; }
    public ulong TxBytes { get; set; }
    public ulong TxPackets { get; set; }
    public ulong TxErrors { get; set; }
    public ulong TxDropped { get; set; }
}
