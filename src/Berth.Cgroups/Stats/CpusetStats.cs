using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>runc's "cpuset" stats: the CPUs and memory nodes the cgroup may use, and (v1) the cpuset flag files.</summary>
public sealed class CpusetStats
{
    [JsonPropertyName("cpus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ushort>? Cpus { get; set; }

    [JsonPropertyName("cpu_exclusive")]
    public ulong CpuExclusive { get; set; }

    [JsonPropertyName("mems")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ushort>? Mems { get; set; }

    [JsonPropertyName("mem_hardwall")]
    public ulong MemHardwall { get; set; }

    [JsonPropertyName("mem_exclusive")]
    public ulong MemExclusive { get; set; }

    [JsonPropertyName("memory_migrate")]
    public ulong MemoryMigrate { get; set; }

    [JsonPropertyName("memory_spread_page")]
    public ulong MemorySpreadPage { get; set; }

    [JsonPropertyName("memory_spread_slab")]
    public ulong MemorySpreadSlab { get; set; }

    [JsonPropertyName("memory_pressure")]
    public ulong MemoryPressure { get; set; }

    [JsonPropertyName("sched_load_balance")]
    public ulong SchedLoadBalance { get; set; }

    [JsonPropertyName("sched_relax_domain_level")]
    public long SchedRelaxDomainLevel { get; set; }
}
