using Berth.Storage.Interop;
using Berth.Storage.IntegrationTests.Support;
using Berth.Storage.Layers;
using Berth.Storage.Snapshots;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.IntegrationTests;

/// <summary>
/// The behaviour every snapshot driver shares (containers/storage's graphtest idea): one abstract suite, run once
/// per driver by a subclass. Each test works in its own /tmp/berth-test-* storage root and removes its snapshots
/// (unmounting them) and the root even when an assertion fails.
/// </summary>
public abstract class SnapshotterContract : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly List<string> _keys = [];

    protected LayerStore Layers { get; }
    protected ISnapshotter Snapshotter { get; }
    protected IReadOnlyList<string> DiffIds { get; private set; } = [];

    protected SnapshotterContract()
    {
        Layers = new LayerStore(_temp.Combine("storage"));
        Snapshotter = CreateSnapshotter(Layers);
    }

    protected abstract ISnapshotter CreateSnapshotter(LayerStore layers);

    public async Task InitializeAsync()
    {
        if (Environment.IsPrivilegedProcess)
        {
            DiffIds = await SampleImage.UnpackAllAsync(Layers);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            foreach (string key in _keys)
            {
                Snapshotter.Remove(key);
            }
        }
        finally
        {
            _temp.Dispose();
        }
        return Task.CompletedTask;
    }

    protected async Task<string> MountedAsync(string key, IReadOnlyList<string>? diffIds = null)
    {
        _keys.Add(key);
        await Snapshotter.PrepareAsync(key, diffIds ?? DiffIds, CancellationToken.None);
        return Snapshotter.Mount(key);
    }

    protected static string In(string rootfs, string path) => Path.Combine(rootfs, path);

    [RootFact]
    public async Task Merged_view_applies_whiteouts_and_opaque_directories()
    {
        string rootfs = await MountedAsync("merge");
        Assert.False(File.Exists(In(rootfs, "etc/motd")));
        Assert.False(File.Exists(In(rootfs, "etc/removed-later")));
        Assert.Equal(["c.txt"], Directory.GetFileSystemEntries(In(rootfs, "usr/share/doc")).Select(Path.GetFileName));
        Assert.Equal("box\n", File.ReadAllText(In(rootfs, "etc/hostname")));
        Assert.StartsWith("root:", File.ReadAllText(In(rootfs, "etc/passwd")));
        Assert.Equal("usr/lib", new FileInfo(In(rootfs, "lib")).LinkTarget);
    }

    [RootFact]
    public async Task Keeps_modes_owners_xattrs_hardlinks_and_devices()
    {
        string rootfs = await MountedAsync("metadata");
        var tool = FileFacts.MustStat(In(rootfs, "bin/tool"));
        Assert.Equal((1000u, 1001u, 0x1EDu), (tool.Uid, tool.Gid, tool.Permissions));
        Assert.Equal(0x9EDu, FileFacts.MustStat(In(rootfs, "bin/su")).Permissions);
        Assert.Equal(0x3FFu, FileFacts.MustStat(In(rootfs, "tmp")).Permissions);
        Assert.Equal("base", FileFacts.Xattr(In(rootfs, "bin/tool"), "user.note"));
        Assert.Equal(SampleImage.Capability, Fs.TryGetXattr(In(rootfs, "bin/ping"), "security.capability"));
        var link = FileFacts.MustStat(In(rootfs, "bin/tool-link"));
        Assert.Equal((tool.Inode, 2u), (link.Inode, link.LinkCount));
        var device = FileFacts.MustStat(In(rootfs, "dev/null"));
        Assert.Equal((FileStat.S_IFCHR, 1u, 3u), (device.Type, device.RdevMajor, device.RdevMinor));
        Assert.Equal(FileStat.S_IFIFO, FileFacts.MustStat(In(rootfs, "run/fifo")).Type);
        Assert.Equal(LayerBuilder.DefaultTime.ToUnixTimeSeconds(), FileFacts.MustStat(In(rootfs, "etc/passwd")).MtimeSeconds);
    }

    [RootFact]
    public async Task Writes_land_in_the_snapshot_and_never_in_the_layers()
    {
        string rootfs = await MountedAsync("writes");
        File.WriteAllText(In(rootfs, "etc/new-file"), "written");
        File.AppendAllText(In(rootfs, "etc/passwd"), "user:x:1000:1000::/home:/bin/sh\n");
        File.Delete(In(rootfs, "etc/hostname"));

        string baseLayer = Layers.PathOf(DiffIds[0]), topLayer = Layers.PathOf(DiffIds[2]);
        Assert.Equal("root:x:0:0::/root:/bin/sh\n", File.ReadAllText(In(baseLayer, "etc/passwd")));
        Assert.Equal("box\n", File.ReadAllText(In(topLayer, "etc/hostname")));
        Assert.False(File.Exists(In(topLayer, "etc/new-file")) || File.Exists(In(baseLayer, "etc/new-file")));
        Assert.True(Snapshotter.Usage("writes").Inodes > 0);
        AssertWritesStoredInSnapshot("writes");
    }

    /// <summary>Driver-specific proof of where the writes of <see cref="Writes_land_in_the_snapshot_and_never_in_the_layers"/> went.</summary>
    protected abstract void AssertWritesStoredInSnapshot(string key);

    [RootFact]
    public async Task Writes_survive_unmount_and_mount()
    {
        string rootfs = await MountedAsync("remount");
        File.WriteAllText(In(rootfs, "kept"), "still here");
        Snapshotter.Unmount("remount");
        Snapshotter.Unmount("remount");
        Assert.Equal(rootfs, Snapshotter.Mount("remount"));
        Assert.Equal(rootfs, Snapshotter.Mount("remount"));
        Assert.Equal("still here", File.ReadAllText(In(rootfs, "kept")));
    }

    [RootFact]
    public async Task Snapshots_of_one_image_are_independent()
    {
        string first = await MountedAsync("one");
        string second = await MountedAsync("two");
        File.WriteAllText(In(first, "only-in-one"), "1");
        File.Delete(In(first, "etc/passwd"));
        Assert.False(File.Exists(In(second, "only-in-one")));
        Assert.True(File.Exists(In(second, "etc/passwd")));
    }

    [RootFact]
    public async Task Remove_unmounts_and_deletes_the_snapshot()
    {
        string rootfs = await MountedAsync("removed");
        Assert.True(Snapshotter.Exists("removed"));
        Snapshotter.Remove("removed");
        Assert.False(Snapshotter.Exists("removed"));
        Assert.False(MountTable.IsMountPoint(rootfs));
        Assert.False(Directory.Exists(Path.Combine(Layers.Root, "containers", "removed")));
        Assert.True(Directory.Exists(Layers.PathOf(DiffIds[0])));
        Snapshotter.Remove("removed");
    }

    [RootFact]
    public async Task Preparing_over_a_missing_layer_fails_and_leaves_nothing()
    {
        string missing = LayerBuilder.DiffId("not unpacked"u8.ToArray());
        var error = await Assert.ThrowsAsync<StorageException>(() =>
            Snapshotter.PrepareAsync("broken", [DiffIds[0], missing], CancellationToken.None));
        Assert.Contains(missing, error.Message);
        Assert.False(Snapshotter.Exists("broken"));
        Assert.False(Directory.Exists(Path.Combine(Layers.Root, "containers", "broken")));
    }

    [RootFact]
    public async Task Preparing_an_existing_key_fails()
    {
        await MountedAsync("twice");
        await Assert.ThrowsAsync<StorageException>(() => Snapshotter.PrepareAsync("twice", DiffIds, CancellationToken.None));
    }

    [RootFact]
    public async Task A_snapshot_without_layers_is_an_empty_writable_root()
    {
        string rootfs = await MountedAsync("empty", []);
        Assert.Empty(Directory.GetFileSystemEntries(rootfs));
        File.WriteAllText(In(rootfs, "x"), "x");
        Assert.True(File.Exists(In(rootfs, "x")));
    }
}
