namespace Berth.Storage.Snapshots;

/// <summary>
/// A container's writable root filesystem built from unpacked image layers (see <see cref="Layers.LayerStore"/>).
/// Lifecycle: <see cref="PrepareAsync"/> (create the container's directories, once) → <see cref="Mount"/> (make the
/// root visible at <see cref="SnapshotMount.RootfsPath"/>, which goes into the OCI bundle's root.path) →
/// <see cref="Unmount"/> (after the container stopped) → <see cref="Remove"/> (delete its writes). Mount and Unmount
/// may repeat (restart). Two drivers, like containers/storage: overlay (layers shared read-only, writes go to the
/// container's upper directory) and vfs (a full copy per container, for hosts without overlayfs).
/// </summary>
public interface ISnapshotter
{
    /// <summary>"overlay" or "vfs".</summary>
    string Driver { get; }

    /// <summary>
    /// Creates the snapshot <paramref name="key"/> over the layers named by <paramref name="diffIdsBottomToTop"/>
    /// (image config rootfs.diff_ids order: the base layer first). Every layer must already be unpacked.
    /// </summary>
    Task<SnapshotMount> PrepareAsync(string key, IReadOnlyList<string> diffIdsBottomToTop, CancellationToken cancellationToken);

    /// <summary>Makes the root visible at the returned path; a no-op if it already is.</summary>
    string Mount(string key);

    /// <summary>Stops showing the root (overlay: umount); a no-op if it is not mounted.</summary>
    void Unmount(string key);

    /// <summary>Unmounts if needed and deletes everything the snapshot wrote; a no-op if it does not exist.</summary>
    void Remove(string key);

    bool Exists(string key);

    /// <summary>What the container itself wrote (overlay: its upper directory; vfs: its whole copy).</summary>
    SnapshotUsage Usage(string key);
}
