namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.rlimits[]": one setrlimit(2) call.</summary>
public sealed class Rlimit
{
    public string Type { get; set; } = "";
    public ulong Hard { get; set; }
    public ulong Soft { get; set; }
}
