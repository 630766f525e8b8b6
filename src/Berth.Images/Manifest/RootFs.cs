using System.Text.Json.Serialization;

namespace Berth.Images.Manifest;

/// <summary>rootfs of an image config: type "layers" and the digest of each layer's uncompressed tar.</summary>
public sealed class RootFs
{
    public string Type { get; set; } = "layers";
    [JsonPropertyName("diff_ids")]
    public List<string> DiffIds { get; set; } = [];
}
