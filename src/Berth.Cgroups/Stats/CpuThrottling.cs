using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>CFS bandwidth counters from cpu.stat: enforcement periods, periods in which the quota ran out, and time throttled (ns).</summary>
public sealed class CpuThrottling
{
    [JsonPropertyName("periods")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Periods { get; set; }

    [JsonPropertyName("throttledPeriods")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ThrottledPeriods { get; set; }

    [JsonPropertyName("throttledTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ThrottledTime { get; set; }
}
