using Berth.Storage.Layers;
using Berth.Storage.Snapshots.Overlay;
using Berth.Storage.Snapshots.Vfs;

namespace Berth.Storage.Snapshots;

/// <summary>
/// Picks the snapshot driver: the one asked for ("overlay" or "vfs"), or, with none, overlay when a probe mount
/// under the storage root works and vfs otherwise (the reason overlay was not usable is returned for logs).
/// </summary>
public static class SnapshotterFactory
{
    public static ISnapshotter Create(LayerStore layers, string? driver, out string? fallbackReason)
    {
        fallbackReason = null;
        switch (driver)
        {
            case "overlay":
                return new OverlaySnapshotter(layers);
            case "vfs":
                return new VfsSnapshotter(layers);
            case null or "":
                Directory.CreateDirectory(layers.Root);
                if (OverlayProbe.IsAvailable(layers.Root, out string reason))
                {
                    return new OverlaySnapshotter(layers);
                }
                fallbackReason = $"overlay unavailable ({reason}); using vfs (a full copy per container)";
                return new VfsSnapshotter(layers);
            default:
                throw new StorageException($"unknown storage driver \"{driver}\": use overlay or vfs");
        }
    }
}
