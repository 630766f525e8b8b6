using Berth.Images.Manifest;

namespace Berth.Images.Content;

/// <summary>
/// One local image: its ID (the config digest, as docker), the manifest (and index) it came from, the config
/// and layer descriptors, and the names pointing at it (full references with tags; an image without names is
/// "dangling"). The blobs it names are what keeps them alive in the store.
/// </summary>
public sealed class ImageRecord
{
    public string Id { get; set; } = "";
    public string ManifestDigest { get; set; } = "";
    public string ManifestMediaType { get; set; } = "";
    public string? IndexDigest { get; set; }
    public Descriptor Config { get; set; } = new();
    public List<Descriptor> Layers { get; set; } = [];

    /// <summary>The config's rootfs.diff_ids (digests of the uncompressed layers, bottom first): the names of the
    /// layer directories in the LayerStore. Empty in records written before Berth unpacked at pull time.</summary>
    public List<string> DiffIds { get; set; } = [];
    public Platform? Platform { get; set; }
    public List<string> Names { get; set; } = [];
    public List<string> RepoDigests { get; set; } = [];
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset Pulled { get; set; }

    /// <summary>Compressed size of config and layers, as stored.</summary>
    public long Size => Config.Size + Layers.Sum(l => l.Size);

    /// <summary>Every blob this image keeps alive.</summary>
    public IEnumerable<string> BlobDigests()
    {
        if (IndexDigest is not null) yield return IndexDigest;
        yield return ManifestDigest;
        yield return Config.Digest;
        foreach (var layer in Layers) yield return layer.Digest;
    }
}
