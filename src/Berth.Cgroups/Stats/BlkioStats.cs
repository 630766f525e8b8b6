using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// runc's "blkio" stats: per device and operation ("Read", "Write", ...), bytes and requests, counted over the
/// cgroup and its descendants (v1 blkio.*_recursive files, v2 io.stat). The lists runc fills only from CFQ debug
/// files stay null here.
/// </summary>
public sealed class BlkioStats
{
    [JsonPropertyName("ioServiceBytesRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoServiceBytesRecursive { get; set; }

    [JsonPropertyName("ioServicedRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoServicedRecursive { get; set; }

    [JsonPropertyName("ioQueueRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoQueuedRecursive { get; set; }

    [JsonPropertyName("ioServiceTimeRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoServiceTimeRecursive { get; set; }

    [JsonPropertyName("ioWaitTimeRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoWaitTimeRecursive { get; set; }

    [JsonPropertyName("ioMergedRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoMergedRecursive { get; set; }

    [JsonPropertyName("ioTimeRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? IoTimeRecursive { get; set; }

    [JsonPropertyName("sectorsRecursive")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BlkioEntry>? SectorsRecursive { get; set; }

    [JsonPropertyName("psi")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PsiStats? Psi { get; set; }
}
