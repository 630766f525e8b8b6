using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>pids.current and pids.max; a limit of "max" (none) is 0, as in runc.</summary>
public sealed class PidsStats
{
    [JsonPropertyName("current")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Current { get; set; }

    [JsonPropertyName("limit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Limit { get; set; }
}
