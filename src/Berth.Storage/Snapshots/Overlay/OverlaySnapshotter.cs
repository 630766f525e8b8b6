using Berth.Storage.FileSystem;
using Berth.Storage.Interop;
using Berth.Storage.Layers;

namespace Berth.Storage.Snapshots.Overlay;

/// <summary>
/// Snapshots as overlayfs mounts: lowerdir = the image's layer directories (shared, never written), upperdir =
/// ROOT/containers/KEY/upper (every write, new file, deletion as a whiteout, copy-up of a changed lower file),
/// workdir = ROOT/containers/KEY/work (overlay's scratch space, same file system as upper), merged view at
/// ROOT/containers/KEY/merged. See Documentation/filesystems/overlayfs.rst in the kernel tree.
/// </summary>
public sealed class OverlaySnapshotter : ISnapshotter
{
    private readonly LayerStore _layers;

    public OverlaySnapshotter(LayerStore layers)
    {
        _layers = layers;
        if (layers.Root.IndexOfAny([',', ':']) >= 0)
        {
            throw new StorageException($"storage root {layers.Root} contains ',' or ':', which overlay mount options cannot carry");
        }
    }

    public string Driver => "overlay";

    private string LinksDirectory => Path.Combine(_layers.Root, "l");

    public Task<SnapshotMount> PrepareAsync(string key, IReadOnlyList<string> diffIdsBottomToTop, CancellationToken cancellationToken)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        SnapshotPreparation.Begin(snapshot, _layers, diffIdsBottomToTop);
        try
        {
            foreach (var (dir, mode) in new[] { ("upper", 0x1ED), ("work", 0x1C0), ("merged", 0x1ED), ("empty", 0x1ED) })
            {
                Directory.CreateDirectory(snapshot.Combine(dir), (UnixFileMode)mode);
            }
            EnsureShortLinks(diffIdsBottomToTop);
            cancellationToken.ThrowIfCancellationRequested();
            snapshot.WriteLayers(diffIdsBottomToTop);
            return Task.FromResult(Describe(snapshot, diffIdsBottomToTop));
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
        var mount = Describe(snapshot, snapshot.ReadLayers());
        if (!MountTable.IsMountPoint(mount.RootfsPath))
        {
            Fs.Check(Libc.mount(mount.Source, mount.RootfsPath, mount.Type, 0, mount.Options),
                $"mount overlay on {mount.RootfsPath} ({mount.Options})");
        }
        return mount.RootfsPath;
    }

    public void Unmount(string key)
    {
        string merged = new SnapshotDirectory(_layers.Root, key).Combine("merged");
        if (!MountTable.IsMountPoint(merged))
        {
            return;
        }
        if (Libc.umount2(merged, 0) < 0)
        {
            int errno = Fs.LastErrno;
            if (errno != Errno.EBUSY || Libc.umount2(merged, Fs.MNT_DETACH) < 0)
            {
                throw new StorageException($"unmount {merged}", errno == Errno.EBUSY ? Fs.LastErrno : errno);
            }
        }
    }

    public void Remove(string key)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        if (Directory.Exists(snapshot.Path))
        {
            Unmount(key);
            TreeRemover.Remove(snapshot.Path);
        }
    }

    public bool Exists(string key) => new SnapshotDirectory(_layers.Root, key).Exists;

    public SnapshotUsage Usage(string key)
    {
        var snapshot = new SnapshotDirectory(_layers.Root, key);
        snapshot.ReadLayers();
        return UsageCounter.Measure(snapshot.Combine("upper"));
    }

    private SnapshotMount Describe(SnapshotDirectory snapshot, IReadOnlyList<string> diffIds)
    {
        var full = diffIds.Select(_layers.PathOf).ToList();
        var links = diffIds.Select(d => Path.Combine(LinksDirectory, OverlayMountOptions.ShortLinkName(d))).ToList();
        if (diffIds.Count == 0)
        {
            full = links = [snapshot.Combine("empty")];
        }
        string options = OverlayMountOptions.Build(full, links, snapshot.Combine("upper"), snapshot.Combine("work"),
            Environment.SystemPageSize);
        return new SnapshotMount(snapshot.Key, "overlay", "overlay", options, snapshot.Combine("merged"));
    }

    /// <summary>ROOT/l/SHORT → ../layers/HEX/diff for each layer (relative, so the store can move).</summary>
    private void EnsureShortLinks(IReadOnlyList<string> diffIds)
    {
        Directory.CreateDirectory(LinksDirectory);
        foreach (string diffId in diffIds)
        {
            string link = Path.Combine(LinksDirectory, OverlayMountOptions.ShortLinkName(diffId));
            string target = Path.Combine("..", "layers", LayerDigest.Hex(diffId), "diff");
            if (new FileInfo(link).LinkTarget != target)
            {
                File.Delete(link);
                File.CreateSymbolicLink(link, target);
            }
        }
    }
}
