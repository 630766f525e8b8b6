using Berth.Storage.FileSystem;
using Berth.Storage.Layers;

namespace Berth.Storage.Snapshots.Vfs;

/// <summary>
/// Snapshots as plain copies (containers/storage's "vfs" driver): PrepareAsync copies every layer, bottom to top,
/// into ROOT/containers/KEY/rootfs, applying whiteouts and opaque directories by deleting. Works on any file
/// system and without mount privileges, at the cost of disk space and preparation time. Mount and Unmount have
/// nothing to do: the copy is the root.
/// </summary>
public sealed class VfsSnapshotter : ISnapshotter
{
    private readonly LayerStore _layers;

    public VfsSnapshotter(LayerStore layers)
    {
        _layers = layers;
    }

    public string Driver => "vfs";

    public async Task<SnapshotMount> PrepareAsync(string key, IReadOnlyList<string> diffIdsBottomToTop, CancellationToken cancellationToken)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        SnapshotPreparation.Begin(snapshot, _layers, diffIdsBottomToTop);
        try
        {
            string rootfs = snapshot.Combine("rootfs");
            Directory.CreateDirectory(rootfs, (UnixFileMode)0x1ED);
            await Task.Run(() =>
            {
                foreach (string diffId in diffIdsBottomToTop)
                {
                    LayerCopier.Apply(_layers.PathOf(diffId), rootfs, cancellationToken);
                }
            }, cancellationToken);
            snapshot.WriteLayers(diffIdsBottomToTop);
            return Describe(snapshot);
        }
        catch
        {
            TreeRemover.Remove(snapshot.Path);
            throw;
        }
    }

    public string Mount(string key)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        snapshot.ReadLayers();
        return Describe(snapshot).RootfsPath;
    }

    public void Unmount(string key)
    {
    }

    public void Remove(string key) => TreeRemover.Remove(new SnapshotDirectory(_layers.Root, key).Path);

    public bool Exists(string key) => new SnapshotDirectory(_layers.Root, key).Exists;

    public SnapshotUsage Usage(string key)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        snapshot.ReadLayers();
        return UsageCounter.Measure(snapshot.Combine("rootfs"));
    }

    private static SnapshotMount Describe(SnapshotDirectory snapshot)
    {
        string rootfs = snapshot.Combine("rootfs");
        return new SnapshotMount(snapshot.Key, "bind", rootfs, "rbind", rootfs);
    }
}
