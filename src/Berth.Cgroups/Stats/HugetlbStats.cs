using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>One huge page size: bytes in use, peak (v1 only) and failed allocations (v1 failcnt, v2 hugetlb.&lt;size&gt;.events "max").</summary>
public sealed class HugetlbStats
{
    [JsonPropertyName("usage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Usage { get; set; }

    [JsonPropertyName("max")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Max { get; set; }

    [JsonPropertyName("failcnt")]
    public ulong Failcnt { get; set; }
}
