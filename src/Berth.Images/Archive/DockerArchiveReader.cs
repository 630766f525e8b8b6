using System.Text.Json;

namespace Berth.Images.Archive;

/// <summary>
/// Reads the images of a docker-archive (see <see cref="DockerArchiveEntry"/>) from staged files: each entry of
/// manifest.json gives a config file, names and layer files; Berth records it with a synthesised OCI manifest
/// whose layer descriptors are the layer files as they are (uncompressed tars, usually).
/// </summary>
internal static class DockerArchiveReader
{
    public const string ManifestFile = "manifest.json";

    public static List<StagedImage> Read(ArchiveStaging staging)
    {
        byte[] json = staging.ReadDocument(staging.Require(ManifestFile, "the docker-archive manifest"), ManifestFile);
        List<DockerArchiveEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize(json, ArchiveJsonContext.Default.ListDockerArchiveEntry);
        }
        catch (JsonException e)
        {
            throw new ImageArchiveException($"{staging.Source}: {ManifestFile} is not a valid docker-archive manifest ({e.Message})", e);
        }
        if (entries is null || entries.Count == 0) throw new ImageArchiveException($"{staging.Source}: {ManifestFile} lists no image");
        return entries.Select(entry => ReadImage(staging, entry)).ToList();
    }

    private static StagedImage ReadImage(ArchiveStaging staging, DockerArchiveEntry entry)
    {
        string source = staging.Source;
        byte[] configBytes = staging.ReadDocument(staging.Require(entry.Config, "the image config"), entry.Config);
        var config = StagedImageBuilder.ParseConfig(configBytes, $"{source}: config {entry.Config}");
        var diffIds = StagedImageBuilder.DiffIds(config, entry.Layers.Count, $"{source}: image {entry.Config}");
        var layers = entry.Layers
            .Select((path, i) => StagedImageBuilder.SniffedLayer(staging.Require(path, "the layer"), diffIds[i], path, source))
            .ToList();
        var configDescriptor = StagedImageBuilder.ConfigDescriptor(configBytes);
        return new StagedImage
        {
            ConfigBytes = configBytes,
            Config = config,
            ConfigDescriptor = configDescriptor,
            ManifestBytes = StagedImageBuilder.OciManifest(configDescriptor, layers),
            ManifestMediaType = Manifest.MediaTypes.OciManifest,
            Layers = layers,
            Names = (entry.RepoTags ?? []).Select(t => StagedImageBuilder.FullName(t, source)).Distinct().ToList(),
        };
    }
}
