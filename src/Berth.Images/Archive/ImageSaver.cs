using System.Text.Json;
using Berth.Images.Content;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Storage.Layers;

namespace Berth.Images.Archive;

/// <summary>
/// <c>berth save</c>: writes images as a docker-archive (manifest.json with full names in RepoTags — podman
/// would read "busybox:1" as localhost/busybox:1 —, HEX.json configs, DIFFID.tar layers decompressed,
/// repositories: what docker, podman and skopeo load) or an oci-archive (oci-layout, index.json
/// with io.containerd.image.name / org.opencontainers.image.ref.name annotations, blobs/sha256/* exactly as
/// stored). Every blob is hashed again on the way out and checked against its digest (the decompressed layers
/// against their diff IDs), so a corrupt store never produces an archive that looks fine. The output must be
/// seekable (the CLI writes a temp file and renames or copies it): a layer's size is known only once decompressed.
/// Holds store.lock shared, so GC cannot remove a blob while it is read.
/// </summary>
public sealed class ImageSaver(ImageStore store)
{
    /// <summary>Saves each image once; <see cref="SaveItem.Name"/> (a full tagged reference, or null) becomes its name in the archive.</summary>
    public async Task SaveAsync(IReadOnlyList<SaveItem> items, Stream output, ArchiveFormat format, CancellationToken cancellationToken)
    {
        using var storeLock = await store.LockForPullAsync(cancellationToken);
        var tar = new TarArchiveWriter(output);
        var images = items.GroupBy(i => i.Image.Id).Select(g => (g.First().Image, Names: g.Select(i => i.Name).OfType<string>().Distinct().ToList())).ToList();
        if (format == ArchiveFormat.DockerArchive) await WriteDockerArchiveAsync(tar, images, cancellationToken);
        else await WriteOciArchiveAsync(tar, images, cancellationToken);
        tar.Finish();
    }

    private async Task WriteDockerArchiveAsync(TarArchiveWriter tar, List<(ImageRecord Image, List<string> Names)> images, CancellationToken cancellationToken)
    {
        var entries = new List<DockerArchiveEntry>();
        var repositories = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (image, names) in images)
        {
            var configDigest = Digest.Parse(image.Config.Digest);
            tar.WriteFile($"{configDigest.Hex}.json", store.Content.Read(configDigest));
            var diffIds = store.DiffIdsOf(image);
            var layers = new List<string>();
            for (int i = 0; i < image.Layers.Count; i++)
            {
                string file = $"{LayerDigest.Hex(diffIds[i])}.tar";
                if (written.Add(file)) await WriteLayerAsync(tar, file, image, image.Layers[i], diffIds[i], cancellationToken);
                layers.Add(file);
            }
            var familiar = names.Select(n => ImageReference.Parse(n)).ToList();
            entries.Add(new DockerArchiveEntry { Config = $"{configDigest.Hex}.json", RepoTags = familiar.Count == 0 ? null : familiar.Select(r => r.ToString()).ToList(), Layers = layers });
            foreach (var reference in familiar.Where(r => r.Tag is not null && layers.Count > 0))
            {
                if (!repositories.TryGetValue(reference.FamiliarName, out var tags)) repositories[reference.FamiliarName] = tags = [];
                tags[reference.Tag!] = layers[^1][..^4];
            }
        }
        tar.WriteFile(DockerArchiveReader.ManifestFile, JsonSerializer.SerializeToUtf8Bytes(entries, ArchiveJsonContext.Default.ListDockerArchiveEntry));
        if (repositories.Count > 0) tar.WriteFile("repositories", JsonSerializer.SerializeToUtf8Bytes(repositories, ArchiveJsonContext.Default.DictionaryStringDictionaryStringString));
    }

    /// <summary>A layer as an uncompressed tar, whose sha256 must come out as the diff ID.</summary>
    private async Task WriteLayerAsync(TarArchiveWriter tar, string file, ImageRecord image, Descriptor layer, string diffId, CancellationToken cancellationToken)
    {
        await using var tarStream = LayerDecompression.Open(store.Content.OpenRead(Digest.Parse(layer.Digest)), layer.MediaType);
        var (_, sha256) = await tar.WriteFileAsync(file, tarStream, cancellationToken);
        if (sha256 != diffId) throw Corrupt(image, $"layer {layer.Digest} decompresses to content with digest {sha256}, not its diff ID {diffId}");
    }

    private async Task WriteOciArchiveAsync(TarArchiveWriter tar, List<(ImageRecord Image, List<string> Names)> images, CancellationToken cancellationToken)
    {
        tar.WriteFile("oci-layout", """{"imageLayoutVersion":"1.0.0"}"""u8);
        tar.WriteDirectory("blobs");
        tar.WriteDirectory("blobs/sha256");
        var written = new HashSet<string>(StringComparer.Ordinal);
        var index = new ImageIndex { MediaType = MediaTypes.OciIndex };
        foreach (var (image, names) in images)
        {
            foreach (string digest in image.BlobDigests().Where(d => d != image.IndexDigest && written.Add(d)))
            {
                await WriteBlobAsync(tar, image, Digest.Parse(digest), cancellationToken);
            }
            var descriptor = new Func<Dictionary<string, string>?, Descriptor>(annotations => new Descriptor
            {
                MediaType = image.ManifestMediaType,
                Digest = image.ManifestDigest,
                Size = store.Content.SizeOf(Digest.Parse(image.ManifestDigest)),
                Annotations = annotations,
            });
            if (names.Count == 0) index.Manifests.Add(descriptor(null));
            foreach (var reference in names.Select(n => ImageReference.Parse(n)))
            {
                index.Manifests.Add(descriptor(new Dictionary<string, string>
                {
                    [OciArchiveReader.ContainerdNameAnnotation] = reference.ToString(),
                    [OciArchiveReader.RefNameAnnotation] = reference.Tag ?? reference.Digest?.ToString() ?? ImageReference.DefaultTag,
                }));
            }
        }
        tar.WriteFile(OciArchiveReader.IndexFile, JsonSerializer.SerializeToUtf8Bytes(index, ImagesJsonContext.Default.ImageIndex));
    }

    private async Task WriteBlobAsync(TarArchiveWriter tar, ImageRecord image, Digest digest, CancellationToken cancellationToken)
    {
        if (!store.Content.Has(digest)) throw Corrupt(image, $"blob {digest} is missing");
        await using var blob = store.Content.OpenRead(digest);
        var (_, sha256) = await tar.WriteFileAsync($"blobs/{digest.Algorithm}/{digest.Hex}", blob, cancellationToken);
        if (digest.Algorithm == "sha256" && sha256 != digest.ToString()) throw Corrupt(image, $"blob {digest} hashes to {sha256}");
    }

    private static ImageStoreException Corrupt(ImageRecord image, string what) =>
        new($"cannot save image {image.Id[7..19]}: {what}; the store is damaged: remove the image and pull it again");
}

/// <summary>One image to save and the name it was asked by (null when asked by ID: saved without a name).</summary>
public sealed record SaveItem(ImageRecord Image, string? Name);
