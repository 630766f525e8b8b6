using Berth.Storage.Layers;
using Berth.Storage.Snapshots;
using Berth.Storage.Snapshots.Vfs;

namespace Berth.Storage.IntegrationTests;

/// <summary>The shared suite on the vfs (copy) driver.</summary>
public sealed class VfsSnapshotterTests : SnapshotterContract
{
    protected override ISnapshotter CreateSnapshotter(LayerStore layers) => new VfsSnapshotter(layers);

    protected override void AssertWritesStoredInSnapshot(string key)
    {
        string rootfs = Path.Combine(Layers.Root, "containers", key, "rootfs");
        Assert.Equal("written", File.ReadAllText(Path.Combine(rootfs, "etc/new-file")));
        Assert.False(File.Exists(Path.Combine(rootfs, "etc/hostname")));
    }
}
