namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.blockIO.throttle*Device[]".</summary>
public sealed class ThrottleDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ulong Rate { get; set; }
}
