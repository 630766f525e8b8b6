using Berth.Images.Content;
using Berth.Images.Manifest;
using Berth.Storage;

namespace Berth.Images.Archive;

/// <summary>
/// <c>berth load</c>: reads a docker-archive or oci-archive (told apart by manifest.json / index.json, gzip or
/// zstd compression accepted) and stores its images, unpacked, as a pull would. Every file is staged and
/// hashed first, every digest, size and uncompressed diff ID checked before the first image is committed; an
/// archive that is truncated, names a missing file or has content not matching its digest fails with one
/// <see cref="ImageArchiveException"/> and leaves nothing in the store (staged files are deleted, layers this
/// load unpacked are removed). Holds store.lock shared throughout, like a pull, so GC cannot interfere.
/// </summary>
public sealed class ImageLoader(ImageStore store)
{
    public async Task<LoadResult> LoadAsync(Stream input, string source, Platform platform, CancellationToken cancellationToken)
    {
        using var storeLock = await store.LockForPullAsync(cancellationToken);
        await using var archive = await ArchiveInput.OpenAsync(input, source, cancellationToken);
        using var staging = await ReadArchiveAsync(archive, source, cancellationToken);
        var (format, images) = staging.Contains(DockerArchiveReader.ManifestFile) ? (ArchiveFormat.DockerArchive, DockerArchiveReader.Read(staging))
            : staging.Contains(OciArchiveReader.IndexFile) ? (ArchiveFormat.OciArchive, OciArchiveReader.Read(staging, platform))
            : throw new ImageArchiveException($"{source} is neither a docker-archive (no manifest.json) nor an oci-archive (no index.json)");
        var loaded = new List<LoadedImage>();
        foreach (var image in images)
        {
            loaded.Add(new LoadedImage(await CommitAsync(image, source, cancellationToken), image.Names));
        }
        return new LoadResult(format, loaded);
    }

    private async Task<ArchiveStaging> ReadArchiveAsync(Stream archive, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await ArchiveStaging.ReadAsync(archive, store.Content, source, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdSharp.ZstdException)
        {
            throw new ImageArchiveException($"{source} is corrupt or truncated (decompression failed: {e.Message})", e);
        }
    }

    private async Task<ImageRecord> CommitAsync(StagedImage image, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CommitAsync(image, cancellationToken);
        }
        catch (StorageException e)
        {
            throw new ImageArchiveException($"{source}: {e.Message}", e);
        }
    }
}
