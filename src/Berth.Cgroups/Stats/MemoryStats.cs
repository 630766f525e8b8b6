using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// runc's "memory" stats. <see cref="Swap"/> is memory+swap on both versions (v2's swap-only counters are added
/// to the memory ones, as runc does). <see cref="Raw"/> is memory.stat. <see cref="OomKills"/> (not in runc's
/// JSON) counts processes the OOM killer killed: v1 memory.oom_control "oom_kill", v2 memory.events "oom_kill".
/// </summary>
public sealed class MemoryStats
{
    [JsonPropertyName("cache")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Cache { get; set; }

    [JsonPropertyName("usage")]
    public MemoryEntry Usage { get; set; } = new();

    [JsonPropertyName("swap")]
    public MemoryEntry Swap { get; set; } = new();

    [JsonPropertyName("kernel")]
    public MemoryEntry Kernel { get; set; } = new();

    [JsonPropertyName("kernelTCP")]
    public MemoryEntry KernelTcp { get; set; } = new();

    /// <summary>memory.stat, key → value; null (left out) when the file is missing or empty. Sorted, as Go writes maps.</summary>
    [JsonPropertyName("raw")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, ulong>? Raw { get; set; }

    [JsonPropertyName("psi")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PsiStats? Psi { get; set; }

    [JsonIgnore]
    public ulong OomKills { get; set; }
}
