using System.Text.Json.Serialization;

namespace Berth.Images.Manifest;

/// <summary>
/// The image configuration blob (OCI image spec config.md): platform, the defaults of the container's
/// process (<see cref="Config"/>), the layers' uncompressed digests (rootfs.diff_ids) and the build history.
/// Its digest is the image ID.
/// </summary>
public sealed class ImageConfig
{
    public DateTimeOffset? Created { get; set; }
    public string? Author { get; set; }
    public string Architecture { get; set; } = "";
    public string Os { get; set; } = "";
    public string? Variant { get; set; }
    public ContainerConfig? Config { get; set; }
    [JsonPropertyName("rootfs")]
    public RootFs? RootFs { get; set; }
    public List<HistoryEntry>? History { get; set; }
}
