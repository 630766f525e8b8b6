namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.rdma" value for one device.</summary>
public sealed class Rdma
{
    public uint? HcaHandles { get; set; }
    public uint? HcaObjects { get; set; }
}
