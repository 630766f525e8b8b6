using Berth.Storage.Layers;

namespace Berth.Storage.Snapshots;

/// <summary>Checks shared by both drivers before a snapshot is created.</summary>
internal static class SnapshotPreparation
{
    /// <summary>Refuses an existing key or a layer that is not unpacked, then creates ROOT/containers/KEY (0700).</summary>
    public static void Begin(SnapshotDirectory snapshot, LayerStore layers, IReadOnlyList<string> diffIds)
    {
        if (Directory.Exists(snapshot.Path))
        {
            throw new StorageException($"snapshot {snapshot.Key} already exists at {snapshot.Path}: remove it first");
        }
        foreach (string diffId in diffIds)
        {
            if (!layers.Exists(diffId))
            {
                throw new StorageException($"layer {diffId} is not unpacked in {layers.LayersDirectory}: unpack the image's layers first");
            }
        }
        Directory.CreateDirectory(snapshot.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
