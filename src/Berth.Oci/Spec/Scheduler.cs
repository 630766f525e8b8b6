namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.scheduler" (sched_setattr(2)).</summary>
public sealed class Scheduler
{
    public string Policy { get; set; } = "";
    public int? Nice { get; set; }
    public int? Priority { get; set; }
    public List<string>? Flags { get; set; }
    public ulong? Runtime { get; set; }
    public ulong? Deadline { get; set; }
    public ulong? Period { get; set; }
}
