using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>runc's "cpu" stats: usage (v1 cpuacct.*, v2 cpu.stat), CFS throttling (cpu.stat) and, on v2, pressure (cpu.pressure).</summary>
public sealed class CpuStats
{
    [JsonPropertyName("usage")]
    public CpuUsage Usage { get; set; } = new();

    [JsonPropertyName("throttling")]
    public CpuThrottling Throttling { get; set; } = new();

    [JsonPropertyName("psi")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PsiStats? Psi { get; set; }
}
