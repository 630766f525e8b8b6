namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.timeOffsets" value for a time namespace clock.</summary>
public sealed class TimeOffset
{
    public long Secs { get; set; }
    public uint Nanosecs { get; set; }
}
