namespace Berth.Images.Manifest;

/// <summary>An OCI image index or Docker manifest list: one manifest descriptor per platform.</summary>
public sealed class ImageIndex
{
    public int SchemaVersion { get; set; } = 2;
    public string? MediaType { get; set; }
    public List<Descriptor> Manifests { get; set; } = [];
    public Dictionary<string, string>? Annotations { get; set; }
}
