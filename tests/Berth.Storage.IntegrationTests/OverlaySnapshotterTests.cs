using Berth.Storage.IntegrationTests.Support;
using Berth.Storage.Interop;
using Berth.Storage.Layers;
using Berth.Storage.Snapshots;
using Berth.Storage.Snapshots.Overlay;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.IntegrationTests;

/// <summary>The shared suite on real overlayfs mounts, plus what only overlay has: an upper directory.</summary>
public sealed class OverlaySnapshotterTests : SnapshotterContract
{
    protected override ISnapshotter CreateSnapshotter(LayerStore layers) => new OverlaySnapshotter(layers);

    private string Upper(string key) => Path.Combine(Layers.Root, "containers", key, "upper");

    protected override void AssertWritesStoredInSnapshot(string key)
    {
        Assert.Equal("written", File.ReadAllText(Path.Combine(Upper(key), "etc/new-file")));
        Assert.EndsWith("user:x:1000:1000::/home:/bin/sh\n", File.ReadAllText(Path.Combine(Upper(key), "etc/passwd")));
        Assert.True(FileFacts.MustStat(Path.Combine(Upper(key), "etc/hostname")).IsOverlayWhiteout);
    }

    [RootFact(needsOverlay: true)]
    public async Task The_root_is_an_overlay_mount_with_the_top_layer_first()
    {
        var mount = await Snapshotter.PrepareAsync("plan", DiffIds, CancellationToken.None);
        try
        {
            Assert.Equal("overlay", mount.Type);
            string lower = mount.Options.Split(',')[0];
            Assert.Equal("lowerdir=" + string.Join(':', DiffIds.Reverse().Select(Layers.PathOf)), lower);
            Snapshotter.Mount("plan");
            Assert.True(MountTable.IsMountPoint(mount.RootfsPath));
            Assert.Contains(File.ReadAllLines("/proc/self/mountinfo"), l => l.Contains(mount.RootfsPath) && l.Contains(" - overlay "));
        }
        finally
        {
            Snapshotter.Remove("plan");
        }
    }

    [RootFact(needsOverlay: true)]
    public async Task Many_layers_mount_through_short_links()
    {
        var diffIds = new List<string>();
        for (int i = 0; i < 45; i++)
        {
            byte[] tar = new LayerBuilder().File($"layer{i}", i.ToString()).Build();
            diffIds.Add(LayerBuilder.DiffId(tar));
            await Layers.EnsureUnpackedAsync(diffIds[^1], () => new MemoryStream(tar), LayerMediaType.OciTar, CancellationToken.None);
        }
        try
        {
            var mount = await Snapshotter.PrepareAsync("many", diffIds, CancellationToken.None);
            Assert.Contains(Path.Combine(Layers.Root, "l") + "/", mount.Options);
            string rootfs = Snapshotter.Mount("many");
            Assert.Equal("44", File.ReadAllText(Path.Combine(rootfs, "layer44")));
            Assert.Equal("0", File.ReadAllText(Path.Combine(rootfs, "layer0")));
        }
        finally
        {
            Snapshotter.Remove("many");
        }
    }

    [RootFact(needsOverlay: true)]
    public void Detection_picks_overlay_here()
    {
        var snapshotter = SnapshotterFactory.Create(Layers, null, out string? reason);
        Assert.Equal("overlay", snapshotter.Driver);
        Assert.Null(reason);
        Assert.Empty(Directory.GetDirectories(Layers.Root, "overlay-probe-*"));
    }
}
