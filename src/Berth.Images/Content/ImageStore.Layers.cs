using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Content;

public sealed partial class ImageStore
{
    /// <summary>
    /// Unpacks one layer from its blob at <paramref name="blobPath"/> (stored or still staged) unless its directory
    /// exists. The LayerStore checks the uncompressed tar against <paramref name="diffId"/> before the directory
    /// appears under its name. Returns true when this call created the directory.
    /// </summary>
    internal async Task<bool> UnpackLayerAsync(Descriptor layer, string diffId, string blobPath, CancellationToken cancellationToken)
    {
        if (Layers.Exists(diffId)) return false;
        var unpacked = await Layers.EnsureUnpackedAsync(diffId, () => ContentStore.OpenSequential(blobPath), layer.MediaType, cancellationToken);
        return unpacked.Report is not null;
    }

    /// <summary>
    /// For the engine, before it prepares a snapshot: makes sure every layer of <paramref name="image"/> is
    /// unpacked (pull, load and import already did it; this repairs a layer directory deleted by hand) and returns
    /// the diff IDs bottom first, ready for <c>ISnapshotter.PrepareAsync</c>. Holds store.lock shared, so garbage
    /// collection cannot remove a layer meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnsureLayersAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        using var storeLock = await LockForPullAsync(cancellationToken);
        var diffIds = DiffIdsOf(image);
        if (diffIds.Count != image.Layers.Count)
        {
            throw new ImageStoreException($"image {image.Id[7..19]}: {image.Layers.Count} layers but {diffIds.Count} diff IDs in its config; remove and pull it again");
        }
        for (int i = 0; i < diffIds.Count; i++)
        {
            var digest = Digest.Parse(image.Layers[i].Digest);
            if (!Layers.Exists(diffIds[i]) && !Content.Has(digest)) throw new ImageStoreException($"image {image.Id[7..19]}: layer blob {digest} is missing; remove the image and pull it again");
            await UnpackLayerAsync(image.Layers[i], diffIds[i], Content.BlobPath(digest), cancellationToken);
        }
        return diffIds;
    }
}
