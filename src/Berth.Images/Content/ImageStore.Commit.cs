using Berth.Images.Archive;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Content;

public sealed partial class ImageStore
{
    /// <summary>
    /// Puts a verified <see cref="StagedImage"/> (from load or import) into the store, in the order that keeps a
    /// failure from leaving anything half-written: unpack every layer first (the LayerStore checks each diff ID;
    /// layers this call created are removed again if a later one fails), then move the staged blobs to their
    /// digest names, write config and manifest, and record the image last. An image already present (same ID)
    /// keeps its record and only gains the names. The caller holds <see cref="LockForPullAsync"/> (shared).
    /// </summary>
    internal async Task<ImageRecord> CommitAsync(StagedImage image, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        try
        {
            foreach (var layer in image.Layers.DistinctBy(l => l.DiffId))
            {
                if (await UnpackLayerAsync(layer.Descriptor, layer.DiffId, layer.File.Path, cancellationToken)) created.Add(layer.DiffId);
            }
        }
        catch
        {
            created.ForEach(Layers.Remove);
            throw;
        }
        foreach (var layer in image.Layers) layer.File.CommitTo(Content);
        Content.Write(Digest.Parse(image.ConfigDescriptor.Digest), image.ConfigBytes);
        var manifestDigest = Digest.Sha256(image.ManifestBytes);
        Content.Write(manifestDigest, image.ManifestBytes);
        var record = Find(List(), image.ConfigDescriptor.Digest, out _) is { } existing && existing.Id == image.ConfigDescriptor.Digest
            ? existing
            : NewRecord(image, manifestDigest);
        var stored = Put(record, null);
        foreach (string name in image.Names) stored = Put(record, name);
        return stored;
    }

    private static ImageRecord NewRecord(StagedImage image, Digest manifestDigest) => new()
    {
        Id = image.ConfigDescriptor.Digest,
        ManifestDigest = manifestDigest.ToString(),
        ManifestMediaType = image.ManifestMediaType,
        Config = image.ConfigDescriptor,
        Layers = image.Layers.Select(l => l.Descriptor).ToList(),
        DiffIds = image.Layers.Select(l => l.DiffId).ToList(),
        Platform = new Platform { Os = image.Config.Os, Architecture = image.Config.Architecture, Variant = image.Config.Variant },
        Created = image.Config.Created,
        Pulled = DateTimeOffset.UtcNow,
    };
}
