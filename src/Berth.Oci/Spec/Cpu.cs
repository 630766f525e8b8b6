namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources.cpu".</summary>
public sealed class Cpu
{
    public ulong? Shares { get; set; }
    public long? Quota { get; set; }
    public ulong? Burst { get; set; }
    public ulong? Period { get; set; }
    public long? RealtimeRuntime { get; set; }
    public ulong? RealtimePeriod { get; set; }
    public string? Cpus { get; set; }
    public string? Mems { get; set; }
    public long? Idle { get; set; }
}
