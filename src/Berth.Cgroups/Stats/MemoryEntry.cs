using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>One memory counter set: limit (bytes; unlimited is the kernel's huge number), usage, peak usage, and how often the limit was hit.</summary>
public sealed class MemoryEntry
{
    [JsonPropertyName("limit")]
    public ulong Limit { get; set; }

    [JsonPropertyName("usage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Usage { get; set; }

    [JsonPropertyName("max")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Max { get; set; }

    [JsonPropertyName("failcnt")]
    public ulong Failcnt { get; set; }
}
