using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Pull;

/// <summary>
/// Pull = resolve the reference to a manifest (through the index for the wanted platform), then fetch the
/// config and each layer into the content store, skipping blobs already there, and finally record the image.
/// The record is written last: an interrupted or failed pull leaves only complete, verified blobs, which the
/// next pull reuses and garbage collection removes if no image claims them. A second pull of a present
/// image costs one manifest request.
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
            return new PullResult(_store.Put(present, name), top.Digest, UpToDate: true);
        }
        var manifest = await ResolvePlatformAsync(reference, top, chosen, cancellationToken);
        var config = await FetchConfigAsync(reference, manifest.Manifest!, progress, cancellationToken);
        CheckLayerCount(reference, manifest.Manifest!, config);
        await FetchLayersAsync(reference, manifest.Manifest!.Layers, progress, cancellationToken);
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
        if (image is null || !image.BlobDigests().Where(d => d != image.IndexDigest).All(d => _store.Content.Has(Digest.Parse(d)))) return null;
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

    private async Task<ImageConfig> FetchConfigAsync(ImageReference reference, ImageManifest manifest, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        if (manifest.Config.MediaType is not (MediaTypes.OciConfig or MediaTypes.DockerConfig))
        {
            throw new InvalidManifestException($"{reference.FamiliarString}: config media type \"{manifest.Config.MediaType}\" is not an image config (is this an artifact, not an image?)");
        }
        if (manifest.Config.Size > 16 * 1024 * 1024) throw new InvalidManifestException($"{reference.FamiliarString}: config of {manifest.Config.Size} bytes is too large");
        await EnsureBlobAsync(reference, manifest.Config, progress, cancellationToken);
        var digest = Digest.Parse(manifest.Config.Digest);
        return ManifestDocument.Deserialize(_store.Content.Read(digest), ImagesJsonContext.Default.ImageConfig, $"config {digest} of {reference.FamiliarString}");
    }

    private static void CheckLayerCount(ImageReference reference, ImageManifest manifest, ImageConfig config)
    {
        int diffIds = config.RootFs?.DiffIds.Count ?? manifest.Layers.Count;
        if (diffIds != manifest.Layers.Count)
        {
            throw new InvalidManifestException($"{reference.FamiliarString}: the manifest has {manifest.Layers.Count} layers but the config's rootfs.diff_ids has {diffIds}");
        }
    }

    private Task FetchLayersAsync(ImageReference reference, List<Descriptor> layers, IProgress<PullProgress>? progress, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(layers.DistinctBy(l => l.Digest), new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken },
            async (layer, ct) => await EnsureBlobAsync(reference, layer, progress, ct));

    /// <summary>Fetches one blob unless present; the per-blob lock makes a concurrent pull wait and then find it present.</summary>
    private async Task EnsureBlobAsync(ImageReference reference, Descriptor blob, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        if (_store.Content.Has(digest, blob.Size))
        {
            progress?.Report(new PullProgress(digest.Short, PullStatus.AlreadyExists, blob.Size, blob.Size));
            return;
        }
        progress?.Report(new PullProgress(digest.Short, PullStatus.Waiting, 0, blob.Size));
        using var blobLock = await _store.Content.LockBlobAsync(digest, cancellationToken);
        if (!_store.Content.Has(digest, blob.Size))
        {
            string temp = _store.Content.NewTempPath(digest);
            await _client.FetchBlobAsync(reference, blob, temp, progress is null ? null : new SyncProgress(digest.Short, blob.Size, progress), cancellationToken);
            _store.Content.Commit(temp, digest);
        }
        progress?.Report(new PullProgress(digest.Short, PullStatus.Complete, blob.Size, blob.Size));
    }

    private static ImageRecord NewRecord(ImageReference reference, ManifestDocument top, ManifestDocument manifest, ImageConfig config) => new()
    {
        Id = manifest.Manifest!.Config.Digest,
        ManifestDigest = manifest.Digest.ToString(),
        ManifestMediaType = manifest.MediaType,
        IndexDigest = top.IsIndex ? top.Digest.ToString() : null,
        Config = manifest.Manifest.Config,
        Layers = manifest.Manifest.Layers,
        Platform = new Platform { Os = config.Os, Architecture = config.Architecture, Variant = config.Variant },
        RepoDigests = [reference.Name + "@" + top.Digest],
        Created = config.Created,
        Pulled = DateTimeOffset.UtcNow,
    };
}
