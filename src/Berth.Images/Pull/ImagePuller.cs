using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Pull;

/// <summary>
/// Pull = resolve the reference to a manifest (through the index for the wanted platform), then fetch the
/// config and each layer into the content store, skipping blobs already there, unpack each layer once into the
/// LayerStore (its uncompressed digest checked against the config's rootfs.diff_ids), and finally record the
/// image. Layers are pipelined: a layer is unpacked as soon as its own download is complete, while the others
/// still download. The record is written last: an interrupted or failed pull leaves only complete, verified
/// blobs and layer directories, which the next pull reuses and garbage collection removes if no image claims
/// them. A second pull of a present image costs one manifest request.
/// </summary>
public sealed class ImagePuller
{
    private const int ParallelDownloads = 3;
    private readonly IRegistryClient _client;
    private readonly ImageStore _store;

    public ImagePuller(IRegistryClient client, ImageStore store)
    {
        _client = client;
        _store = store;
    }

    public async Task<PullResult> PullAsync(ImageReference reference, Platform platform, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        using var pullLock = await _store.LockForPullAsync(cancellationToken);
        string tagOrDigest = reference.Digest?.ToString() ?? reference.Tag ?? ImageReference.DefaultTag;
        var top = await _client.GetManifestAsync(reference, tagOrDigest, cancellationToken);
        var chosen = top.IsIndex ? PlatformMatcher.Select(top.Index!, platform, reference.FamiliarString) : null;
        string? name = reference.Tag is null ? null : reference.ToString();
        if (FindUpToDate(reference, top, chosen) is { } present)
        {
            progress?.Report(new PullProgress(reference.FamiliarString, PullStatus.UpToDate));
            // Already under this name: nothing to write (no rewrite and fsync of images.json on every re-pull).
            var record = name is null || present.Names.Contains(name) ? present : _store.Put(present, name);
            return new PullResult(record, top.Digest, UpToDate: true);
        }
        var manifest = await ResolvePlatformAsync(reference, top, chosen, cancellationToken);
        var config = await FetchConfigAsync(reference, manifest.Manifest!, cancellationToken);
        var diffIds = DiffIds(reference, manifest.Manifest!, config);
        await FetchLayersAsync(reference, manifest.Manifest!.Layers, diffIds, progress, cancellationToken);
        _store.Content.Write(manifest.Digest, manifest.Bytes);
        if (top.IsIndex) _store.Content.Write(top.Digest, top.Bytes);
        var stored = _store.Put(NewRecord(reference, top, manifest, config), name);
        progress?.Report(new PullProgress(reference.FamiliarString, PullStatus.Stored, Detail: top.Digest.ToString()));
        return new PullResult(stored, top.Digest, UpToDate: false);
    }

    /// <summary>
    /// The local image this manifest already produced (for an index: the manifest chosen for the platform),
    /// when all its blobs are present: then the pull is done after one request.
    /// </summary>
    private ImageRecord? FindUpToDate(ImageReference reference, ManifestDocument top, Descriptor? chosen)
    {
        string manifestDigest = chosen?.Digest ?? top.Digest.ToString();
        var image = _store.List().FirstOrDefault(i => i.ManifestDigest == manifestDigest);
        if (image is null || !image.BlobDigests().Where(d => d != image.IndexDigest).All(d => _store.Content.Has(Digest.Parse(d))) || !_store.LayersPresent(image)) return null;
        if (top.IsIndex)
        {
            _store.Content.Write(top.Digest, top.Bytes);
            image.IndexDigest = top.Digest.ToString();
        }
        image.RepoDigests = [reference.Name + "@" + top.Digest];
        return image;
    }

    private async Task<ManifestDocument> ResolvePlatformAsync(ImageReference reference, ManifestDocument top, Descriptor? chosen, CancellationToken cancellationToken)
    {
        if (chosen is null) return top;
        var digest = Digest.Parse(chosen.Digest);
        var manifest = _store.Content.Has(digest, chosen.Size)
            ? ManifestDocument.Parse(_store.Content.Read(digest), chosen.MediaType, reference.FamiliarString + "@" + digest)
            : await _client.GetManifestAsync(reference, digest.ToString(), cancellationToken);
        if (manifest.IsIndex) throw new InvalidManifestException($"{reference.FamiliarString}: the index entry for {chosen.Platform} is itself an index; nested indexes are not supported");
        return manifest;
    }

    private async Task<ImageConfig> FetchConfigAsync(ImageReference reference, ImageManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.Config.MediaType is not (MediaTypes.OciConfig or MediaTypes.DockerConfig))
        {
            throw new InvalidManifestException($"{reference.FamiliarString}: config media type \"{manifest.Config.MediaType}\" is not an image config (is this an artifact, not an image?)");
        }
        if (manifest.Config.Size > 16 * 1024 * 1024) throw new InvalidManifestException($"{reference.FamiliarString}: config of {manifest.Config.Size} bytes is too large");
        await EnsureConfigAsync(reference, manifest.Config, cancellationToken);
        var digest = Digest.Parse(manifest.Config.Digest);
        return ManifestDocument.Deserialize(_store.Content.Read(digest), ImagesJsonContext.Default.ImageConfig, $"config {digest} of {reference.FamiliarString}");
    }

    /// <summary>The config's rootfs.diff_ids, one per manifest layer: the names the unpacked layers are checked against.</summary>
    private static List<string> DiffIds(ImageReference reference, ImageManifest manifest, ImageConfig config)
    {
        var diffIds = config.RootFs?.DiffIds ?? throw new InvalidManifestException($"{reference.FamiliarString}: the image config has no rootfs.diff_ids");
        if (diffIds.Count != manifest.Layers.Count)
        {
            throw new InvalidManifestException($"{reference.FamiliarString}: the manifest has {manifest.Layers.Count} layers but the config's rootfs.diff_ids has {diffIds.Count}");
        }
        foreach (string diffId in diffIds)
        {
            if (!Digest.TryParse(diffId, out var d, out _) || d.Algorithm != "sha256") throw new InvalidManifestException($"{reference.FamiliarString}: rootfs.diff_ids entry \"{diffId}\" is not a sha256 digest");
        }
        return diffIds;
    }

    private Task FetchLayersAsync(ImageReference reference, List<Descriptor> layers, List<string> diffIds, IProgress<PullProgress>? progress, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(layers.Select((layer, i) => (layer, diffId: diffIds[i])).DistinctBy(l => l.diffId),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken },
            async (l, ct) => await EnsureLayerAsync(reference, l.layer, l.diffId, progress, ct));

    /// <summary>
    /// Fetches a layer blob unless present, then unpacks it unless unpacked. The per-blob lock is held for both,
    /// so a concurrent pull of the same layer waits and then finds blob and directory present.
    /// </summary>
    private async Task EnsureLayerAsync(ImageReference reference, Descriptor blob, string diffId, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        if (_store.Content.Has(digest, blob.Size) && _store.Layers.Exists(diffId))
        {
            progress?.Report(new PullProgress(digest.Short, PullStatus.AlreadyExists, blob.Size, blob.Size));
            return;
        }
        progress?.Report(new PullProgress(digest.Short, PullStatus.Waiting, 0, blob.Size));
        using var blobLock = await _store.Content.LockBlobAsync(digest, cancellationToken);
        if (!_store.Content.Has(digest, blob.Size))
        {
            await DownloadAsync(reference, blob, digest, progress, cancellationToken);
        }
        progress?.Report(new PullProgress(digest.Short, PullStatus.Extracting, blob.Size, blob.Size));
        await _store.UnpackLayerAsync(blob, diffId, _store.Content.BlobPath(digest), cancellationToken);
        progress?.Report(new PullProgress(digest.Short, PullStatus.Unpacked, blob.Size, blob.Size));
    }

    private async Task DownloadAsync(ImageReference reference, Descriptor blob, Digest digest, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        string temp = _store.Content.NewTempPath(digest);
        await _client.FetchBlobAsync(reference, blob, temp, progress is null ? null : new SyncProgress(digest.Short, blob.Size, progress), cancellationToken);
        _store.Content.Commit(temp, digest);
        progress?.Report(new PullProgress(digest.Short, PullStatus.Complete, blob.Size, blob.Size));
    }

    /// <summary>Fetches the config unless present (no progress line: docker shows only layers); the per-blob lock makes a concurrent pull wait and then find it present.</summary>
    private async Task EnsureConfigAsync(ImageReference reference, Descriptor blob, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        if (_store.Content.Has(digest, blob.Size)) return;
        using var blobLock = await _store.Content.LockBlobAsync(digest, cancellationToken);
        if (!_store.Content.Has(digest, blob.Size)) await DownloadAsync(reference, blob, digest, null, cancellationToken);
    }

    private static ImageRecord NewRecord(ImageReference reference, ManifestDocument top, ManifestDocument manifest, ImageConfig config) => new()
    {
        Id = manifest.Manifest!.Config.Digest,
        ManifestDigest = manifest.Digest.ToString(),
        ManifestMediaType = manifest.MediaType,
        IndexDigest = top.IsIndex ? top.Digest.ToString() : null,
        Config = manifest.Manifest.Config,
        Layers = manifest.Manifest.Layers,
        DiffIds = config.RootFs!.DiffIds,
        Platform = new Platform { Os = config.Os, Architecture = config.Architecture, Variant = config.Variant },
        RepoDigests = [reference.Name + "@" + top.Digest],
        Created = config.Created,
        Pulled = DateTimeOffset.UtcNow,
    };
}
