namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.devices[]": a device node to create in the container.</summary>
public sealed class Device
{
    public string Type { get; set; } = "";
    public string Path { get; set; } = "";
    public long Major { get; set; }
    public long Minor { get; set; }
    public uint? FileMode { get; set; }
    public uint? Uid { get; set; }
    public uint? Gid { get; set; }
}
