namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.netDevices" value: the device's name inside the container.</summary>
public sealed class NetDevice
{
    /// <summary>The name in the container; empty keeps the host name.</summary>
    public string? Name { get; set; }
}
