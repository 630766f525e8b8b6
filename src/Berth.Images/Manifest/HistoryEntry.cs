using System.Text.Json.Serialization;

namespace Berth.Images.Manifest;

/// <summary>One build step of an image; <see cref="EmptyLayer"/> steps (ENV, CMD...) made no layer.</summary>
public sealed class HistoryEntry
{
    public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("created_by")] public string? CreatedBy { get; set; }
    public string? Author { get; set; }
    public string? Comment { get; set; }
    [JsonPropertyName("empty_layer")] public bool? EmptyLayer { get; set; }
}
