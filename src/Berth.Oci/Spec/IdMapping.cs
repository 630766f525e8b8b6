namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "uidMappings"/"gidMappings" entry (also used by idmapped mounts).</summary>
public sealed class IdMapping
{
    public uint ContainerID { get; set; }
    public uint HostID { get; set; }
    public uint Size { get; set; }
}
