namespace Berth.Images.Manifest;

/// <summary>An image manifest (OCI or Docker v2 schema 2): the config blob and the layers, bottom first.</summary>
public sealed class ImageManifest
{
    public int SchemaVersion { get; set; } = 2;
    public string? MediaType { get; set; }
    public Descriptor Config { get; set; } = new();
    public List<Descriptor> Layers { get; set; } = [];
    public Dictionary<string, string>? Annotations { get; set; }
}
