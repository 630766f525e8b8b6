namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.blockIO.weightDevice[]".</summary>
public sealed class WeightDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
}
