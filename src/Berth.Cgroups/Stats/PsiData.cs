using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>One line of a pressure file: stall percentages averaged over 10, 60 and 300 seconds, and the total stall time (µs).</summary>
public sealed class PsiData
{
    [JsonPropertyName("avg10")]
    public double Avg10 { get; set; }

    [JsonPropertyName("avg60")]
    public double Avg60 { get; set; }

    [JsonPropertyName("avg300")]
    public double Avg300 { get; set; }

    [JsonPropertyName("total")]
    public ulong Total { get; set; }
}
