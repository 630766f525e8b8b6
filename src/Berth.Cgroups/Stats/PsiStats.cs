using System.Text.Json.Serialization;

namespace Berth.Cgroups.Stats;

/// <summary>Pressure stall information (v2 cpu/memory/io.pressure): share of time "some" or "all" ("full") tasks waited on the resource.</summary>
public sealed class PsiStats
{
    [JsonPropertyName("some")]
    public PsiData Some { get; set; } = new();

    [JsonPropertyName("full")]
    public PsiData Full { get; set; } = new();
}
