using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Berth.Images.Content;
using Berth.Images.Manifest;
using Berth.Images.Reference;
using Berth.Storage;

namespace Berth.Images.Archive;

/// <summary>
/// <c>berth import FILE|- [REF]</c>, like <c>docker import</c>: a rootfs tarball (plain, gzip or zstd) becomes a
/// single-layer image. The tar is hashed as it streams by (its sha256 is the layer's diff ID) and gzip-compressed
/// into a staged blob; the config records the platform, the --change settings, rootfs.diff_ids and one history
/// entry; the manifest is an OCI one. The layer is unpacked like a pulled one, which is also what proves the input
/// is a tar: a file that is not is refused with one error and nothing stored.
/// </summary>
public sealed class ImageImporter(ImageStore store)
{
    public async Task<ImageRecord> ImportAsync(Stream input, string source, ImportOptions options, CancellationToken cancellationToken)
    {
        var containerConfig = new ContainerConfig();
        foreach (string change in options.Changes) ImportChanges.Apply(containerConfig, change);
        using var storeLock = await store.LockForPullAsync(cancellationToken);
        var (layerFile, diffId) = await CompressAsync(input, source, cancellationToken);
        try
        {
            var layer = new StagedLayer(new Descriptor { MediaType = MediaTypes.OciLayerGzip, Digest = layerFile.Digest.ToString(), Size = layerFile.Size }, diffId, layerFile);
            var config = NewConfig(containerConfig, diffId, source, options);
            byte[] configBytes = JsonSerializer.SerializeToUtf8Bytes(config, ImagesJsonContext.Default.ImageConfig);
            var configDescriptor = StagedImageBuilder.ConfigDescriptor(configBytes);
            var image = new StagedImage
            {
                ConfigBytes = configBytes,
                Config = config,
                ConfigDescriptor = configDescriptor,
                ManifestBytes = StagedImageBuilder.OciManifest(configDescriptor, [layer]),
                ManifestMediaType = MediaTypes.OciManifest,
                Layers = [layer],
                Names = options.Name is null ? [] : [options.Name],
            };
            return await store.CommitAsync(image, cancellationToken);
        }
        catch (StorageException e)
        {
            throw new ImageArchiveException($"{source} is not a usable rootfs tarball: {e.Message}", e);
        }
        finally
        {
            layerFile.Discard();
        }
    }

    /// <summary>Streams the (decompressed) tar into a gzip temp file; returns it with the tar's own sha256 (the diff ID).</summary>
    private async Task<(StagedFile File, string DiffId)> CompressAsync(Stream input, string source, CancellationToken cancellationToken)
    {
        string temp = store.Content.NewTempPath();
        try
        {
            using var diffHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var tar = await ArchiveInput.OpenAsync(input, source, cancellationToken))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                byte[] buffer = new byte[1 << 20];
                int read;
                while ((read = await ReadAsync(tar, buffer, source, cancellationToken)) > 0)
                {
                    diffHash.AppendData(buffer, 0, read);
                    gzip.Write(buffer, 0, read);
                }
            }
            string diffId = "sha256:" + Convert.ToHexStringLower(diffHash.GetHashAndReset());
            await using var written = ContentStore.OpenSequential(temp);
            var digest = new Digest("sha256", Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken)));
            return (new StagedFile(temp, digest, written.Length, Storage.Layers.LayerCompression.Gzip), diffId);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<int> ReadAsync(Stream tar, byte[] buffer, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await tar.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or ZstdSharp.ZstdException)
        {
            throw new ImageArchiveException($"{source} is corrupt or truncated (decompression failed: {e.Message})", e);
        }
    }

    private static ImageConfig NewConfig(ContainerConfig containerConfig, string diffId, string source, ImportOptions options)
    {
        var now = DateTimeOffset.UtcNow;
        return new ImageConfig
        {
            Created = now,
            Architecture = options.Platform.Architecture,
            Os = options.Platform.Os,
            Variant = options.Platform.Variant,
            Config = containerConfig,
            RootFs = new RootFs { DiffIds = [diffId] },
            History = [new HistoryEntry { Created = now, CreatedBy = $"berth import {source}", Comment = options.Message ?? $"Imported from {source}" }],
        };
    }
}
