namespace Berth.Oci.Spec;

/// <summary>runtime-spec config.md "process.execCPUAffinity": CPU affinity before and after exec.</summary>
public sealed class ExecCpuAffinity
{
    public string? Initial { get; set; }
    public string? Final { get; set; }
}
