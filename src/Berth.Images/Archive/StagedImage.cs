using Berth.Images.Manifest;

namespace Berth.Images.Archive;

/// <summary>
/// An image read from an archive (or built by import), verified but not yet in the store: its config and
/// manifest bytes (the config's digest is the image ID), its layers as staged files with their diff IDs, and
/// the names it should get. <see cref="Content.ImageStore"/> commits it.
/// </summary>
internal sealed class StagedImage
{
    public required byte[] ConfigBytes { get; init; }
    public required ImageConfig Config { get; init; }
    public required Descriptor ConfigDescriptor { get; init; }
    public required byte[] ManifestBytes { get; init; }
    public required string ManifestMediaType { get; init; }
    public required IReadOnlyList<StagedLayer> Layers { get; init; }

    /// <summary>Full references (docker.io/library/busybox:1.36) to give the image; may be empty (dangling).</summary>
    public List<string> Names { get; init; } = [];
}

/// <summary>A layer of a <see cref="StagedImage"/>: its descriptor (digest of the file as stored), its diff ID and the file.</summary>
internal sealed record StagedLayer(Descriptor Descriptor, string DiffId, StagedFile File);
