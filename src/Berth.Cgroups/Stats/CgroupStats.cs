using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// A snapshot of a container's cgroup counters, shaped exactly like the "data" of runc's
/// <c>runc events --stats</c> output (runc's types.Stats): the JSON names, which fields are left out when zero
/// (Go's omitempty) and which are always written. Serialize it with <see cref="CgroupStatsJsonContext"/>.
/// Controllers the host lacks leave their part at zero, as runc does.
/// </summary>
public sealed class CgroupStats
{
    [JsonPropertyName("cpu")]
    public CpuStats Cpu { get; set; } = new();

    [JsonPropertyName("cpuset")]
    public CpusetStats Cpuset { get; set; } = new();

    [JsonPropertyName("memory")]
    public MemoryStats Memory { get; set; } = new();

    [JsonPropertyName("pids")]
    public PidsStats Pids { get; set; } = new();

    [JsonPropertyName("blkio")]
    public BlkioStats Blkio { get; set; } = new();

    /// <summary>Page size ("2MB", "1GB") → usage; always written, "{}" when the hugetlb controller is absent.</summary>
    [JsonPropertyName("hugetlb")]
    public SortedDictionary<string, HugetlbStats> Hugetlb { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Intel RDT is not a cgroup: always "{}" here (runc fills it from resctrl).</summary>
    [JsonPropertyName("intel_rdt")]
    public IntelRdtStats IntelRdt { get; set; } = new();

    /// <summary>Per-interface counters of the container's network namespace; not a cgroup value, so null
    /// (written as null, like runc) unless the caller fills it.</summary>
    [JsonPropertyName("network_interfaces")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<NetworkInterfaceStats>? NetworkInterfaces { get; set; }
}
