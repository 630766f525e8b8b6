using System.Text.Json;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Storage.Layers;

namespace Berth.Images.Archive;

/// <summary>
/// The checks and the synthesised OCI manifest shared by docker-archive load and import (pure apart from reading
/// staged documents): the config parses and names one diff ID per layer; an uncompressed layer's digest is its
/// diff ID (checked now, before anything is unpacked); compressed layers are checked while unpacking.
/// </summary>
internal static class StagedImageBuilder
{
    public static ImageConfig ParseConfig(byte[] bytes, string source)
    {
        try
        {
            return ManifestDocument.Deserialize(bytes, ImagesJsonContext.Default.ImageConfig, source);
        }
        catch (InvalidManifestException e)
        {
            throw new ImageArchiveException(e.Message, e);
        }
    }

    /// <summary>The config's diff IDs, one per layer file, each a sha256 digest.</summary>
    public static List<string> DiffIds(ImageConfig config, int layerCount, string source)
    {
        var diffIds = config.RootFs?.DiffIds ?? throw new ImageArchiveException($"{source}: the image config has no rootfs.diff_ids");
        if (diffIds.Count != layerCount) throw new ImageArchiveException($"{source}: {layerCount} layers but the config's rootfs.diff_ids has {diffIds.Count}");
        foreach (string diffId in diffIds)
        {
            if (!Digest.TryParse(diffId, out var d, out _) || d.Algorithm != "sha256") throw new ImageArchiveException($"{source}: rootfs.diff_ids entry \"{diffId}\" is not a sha256 digest");
        }
        return diffIds;
    }

    /// <summary>A layer of an archive whose manifest (docker-archive) says nothing of its compression: sniffed.</summary>
    public static StagedLayer SniffedLayer(StagedFile file, string diffId, string path, string source)
    {
        string mediaType = file.Compression switch
        {
            LayerCompression.Gzip => MediaTypes.OciLayerGzip,
            LayerCompression.Zstd => MediaTypes.OciLayerZstd,
            _ => MediaTypes.OciLayer,
        };
        CheckUncompressed(file, mediaType, diffId, path, source);
        return new StagedLayer(new Descriptor { MediaType = mediaType, Digest = file.Digest.ToString(), Size = file.Size }, diffId, file);
    }

    public static void CheckUncompressed(StagedFile file, string mediaType, string diffId, string path, string source)
    {
        if (LayerMediaType.CompressionOf(mediaType) == LayerCompression.None && file.Digest.ToString() != diffId)
        {
            throw new ImageArchiveException($"{source}: layer \"{path}\" does not match its diff ID: its content hashes to {file.Digest}, the config says {diffId}");
        }
    }

    /// <summary>An OCI image manifest for a config and layers that came without one.</summary>
    public static byte[] OciManifest(Descriptor config, IEnumerable<StagedLayer> layers) =>
        JsonSerializer.SerializeToUtf8Bytes(new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = config,
            Layers = layers.Select(l => l.Descriptor).ToList(),
        }, ImagesJsonContext.Default.ImageManifest);

    public static Descriptor ConfigDescriptor(byte[] configBytes) =>
        new() { MediaType = MediaTypes.OciConfig, Digest = Digest.Sha256(configBytes).ToString(), Size = configBytes.Length };

    /// <summary>A name from an archive ("busybox:1.36") as the full reference Berth records.</summary>
    public static string FullName(string name, string source) =>
        ImageReference.TryParse(name, out var reference) ? reference!.ToString()
        : throw new ImageArchiveException($"{source}: image name \"{name}\" is not a valid reference");
}
