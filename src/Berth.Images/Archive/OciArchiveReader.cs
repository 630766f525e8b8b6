using Berth.Images.Distribution;
using Berth.Images.Manifest;

namespace Berth.Images.Archive;

/// <summary>
/// Reads the images of an oci-archive (a tar of an OCI image layout, image-spec image-layout.md): index.json
/// names manifests (or nested indexes, from which the wanted platform is chosen), every blob lives at
/// blobs/ALG/HEX and must hash to that name and have the size its descriptor says. Names come from the
/// annotations io.containerd.image.name (full reference, written by Docker and containerd) or
/// org.opencontainers.image.ref.name when that is a full reference; a bare tag names no repository, so such an
/// image is loaded without a name. The manifest bytes are kept as they are, so the manifest digest survives.
/// </summary>
internal static class OciArchiveReader
{
    public const string IndexFile = "index.json";
    public const string ContainerdNameAnnotation = "io.containerd.image.name";
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public static List<StagedImage> Read(ArchiveStaging staging, Platform platform)
    {
        var index = ParseIndex(staging.ReadDocument(staging.Require(IndexFile, "the OCI layout index"), IndexFile), $"{staging.Source}: {IndexFile}");
        var images = new Dictionary<string, StagedImage>(StringComparer.Ordinal);
        foreach (var descriptor in index.Manifests)
        {
            var manifest = Resolve(staging, descriptor, platform);
            if (manifest is null) continue;
            if (!images.TryGetValue(manifest.Digest, out var image)) images[manifest.Digest] = image = ReadImage(staging, manifest);
            if (NameOf(descriptor, staging.Source) is { } name && !image.Names.Contains(name)) image.Names.Add(name);
        }
        if (images.Count == 0) throw new ImageArchiveException($"{staging.Source}: {IndexFile} names no image manifest");
        return images.Values.ToList();
    }

    /// <summary>The image manifest a descriptor leads to for <paramref name="platform"/>; null for artifacts.</summary>
    private static Descriptor? Resolve(ArchiveStaging staging, Descriptor descriptor, Platform platform)
    {
        for (int depth = 0; MediaTypes.IsIndex(descriptor.MediaType); depth++)
        {
            if (depth == 4) throw new ImageArchiveException($"{staging.Source}: image indexes nested too deeply");
            var nested = ParseIndex(ReadBlob(staging, descriptor, "image index"), $"{staging.Source}: index {descriptor.Digest}");
            try
            {
                descriptor = PlatformMatcher.Select(nested, platform, $"{staging.Source}: index {descriptor.ShortDigest}");
            }
            catch (RegistryException e)
            {
                throw new ImageArchiveException(e.Message, e);
            }
        }
        return MediaTypes.IsManifest(descriptor.MediaType) ? descriptor : null;
    }

    private static StagedImage ReadImage(ArchiveStaging staging, Descriptor descriptor)
    {
        string source = staging.Source;
        byte[] manifestBytes = ReadBlob(staging, descriptor, "manifest");
        ImageManifest manifest;
        try
        {
            manifest = ManifestDocument.Parse(manifestBytes, descriptor.MediaType, $"{source}: {descriptor.Digest}").Manifest
                ?? throw new ImageArchiveException($"{source}: {descriptor.Digest} is not an image manifest");
        }
        catch (InvalidManifestException e)
        {
            throw new ImageArchiveException(e.Message, e);
        }
        byte[] configBytes = ReadBlob(staging, manifest.Config, "config");
        var config = StagedImageBuilder.ParseConfig(configBytes, $"{source}: config {manifest.Config.Digest}");
        var diffIds = StagedImageBuilder.DiffIds(config, manifest.Layers.Count, $"{source}: manifest {descriptor.Digest}");
        var layers = manifest.Layers.Select((layer, i) =>
        {
            var file = Blob(staging, layer, "layer");
            StagedImageBuilder.CheckUncompressed(file, layer.MediaType, diffIds[i], BlobPath(layer), source);
            return new StagedLayer(layer, diffIds[i], file);
        }).ToList();
        return new StagedImage
        {
            ConfigBytes = configBytes,
            Config = config,
            ConfigDescriptor = manifest.Config,
            ManifestBytes = manifestBytes,
            ManifestMediaType = descriptor.MediaType,
            Layers = layers,
        };
    }

    private static string? NameOf(Descriptor descriptor, string source)
    {
        var annotations = descriptor.Annotations ?? [];
        if (annotations.TryGetValue(ContainerdNameAnnotation, out string? full)) return StagedImageBuilder.FullName(full, source);
        if (annotations.TryGetValue(RefNameAnnotation, out string? reference) && (reference.Contains('/') || reference.Contains(':')))
        {
            return StagedImageBuilder.FullName(reference, source);
        }
        return null;
    }

    private static ImageIndex ParseIndex(byte[] bytes, string source)
    {
        try
        {
            return ManifestDocument.Deserialize(bytes, ImagesJsonContext.Default.ImageIndex, source);
        }
        catch (InvalidManifestException e)
        {
            throw new ImageArchiveException(e.Message, e);
        }
    }

    private static byte[] ReadBlob(ArchiveStaging staging, Descriptor descriptor, string what) =>
        staging.ReadDocument(Blob(staging, descriptor, what), $"{what} {descriptor.Digest}");

    /// <summary>The staged blob a descriptor names, checked against its digest and size.</summary>
    private static StagedFile Blob(ArchiveStaging staging, Descriptor descriptor, string what)
    {
        if (!descriptor.Digest.StartsWith("sha256:", StringComparison.Ordinal)) throw new ImageArchiveException($"{staging.Source}: {what} digest \"{descriptor.Digest}\": only sha256 is supported");
        var file = staging.Require(BlobPath(descriptor), $"the {what} blob");
        if (file.Digest.ToString() != descriptor.Digest) throw new ImageArchiveException($"{staging.Source}: {what} blob {BlobPath(descriptor)} does not match its digest: its content hashes to {file.Digest}");
        if (file.Size != descriptor.Size) throw new ImageArchiveException($"{staging.Source}: {what} blob {BlobPath(descriptor)} has {file.Size} bytes, its descriptor says {descriptor.Size}");
        return file;
    }

    private static string BlobPath(Descriptor descriptor) => "blobs/" + descriptor.Digest.Replace(':', '/');
}
