namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.blockIO".</summary>
public sealed class BlockIO
{
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
    public List<WeightDevice>? WeightDevice { get; set; }
    public List<ThrottleDevice>? ThrottleReadBpsDevice { get; set; }
    public List<ThrottleDevice>? ThrottleWriteBpsDevice { get; set; }
    public List<ThrottleDevice>? ThrottleReadIOPSDevice { get; set; }
    public List<ThrottleDevice>? ThrottleWriteIOPSDevice { get; set; }
}
