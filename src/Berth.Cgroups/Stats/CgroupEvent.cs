using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>
/// One line of <c>runc events</c> output: {"type":"stats","id":"&lt;container&gt;","data":{...}} for a stats sample,
/// {"type":"oom","id":"&lt;container&gt;"} when the OOM killer struck (no data). runc writes each event as compact
/// JSON followed by a newline; <see cref="CgroupStatsJsonContext"/> produces the compact form.
/// </summary>
public sealed class CgroupEvent
{
    public const string StatsType = "stats";
    public const string OomType = "oom";

    [JsonPropertyName("type")]
    public string Type { get; set; } = StatsType;

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CgroupStats? Data { get; set; }
}
