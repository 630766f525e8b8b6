using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>CPU time used since the cgroup was created, in nanoseconds. Per-CPU lists exist on v1 only (cpuacct).</summary>
public sealed class CpuUsage
{
    [JsonPropertyName("total")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Total { get; set; }

    [JsonPropertyName("percpu")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ulong>? PerCpu { get; set; }

    [JsonPropertyName("percpu_kernel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ulong>? PerCpuKernel { get; set; }

    [JsonPropertyName("percpu_user")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ulong>? PerCpuUser { get; set; }

    [JsonPropertyName("kernel")]
    public ulong Kernel { get; set; }

    [JsonPropertyName("user")]
    public ulong User { get; set; }
}
