using Berth.Images.Reference;

namespace Berth.Images.Content;

public sealed partial class ImageStore
{
    /// <summary>
    /// <c>rmi</c>: by name, removes that name and deletes the image only when it was the last one; by ID,
    /// deletes the image (with all its names only when <paramref name="force"/>, as docker); an image a container uses
    /// is kept (see <see cref="ImageUsers"/>). Then collects garbage.
    /// </summary>
    public async Task<RemovalReport> RemoveAsync(string text, bool force, CancellationToken cancellationToken)
    {
        var report = new RemovalReport();
        Update(set =>
        {
            var image = Find(set.Images, text, out string? name) ?? throw new ImageStoreException($"no such image: {text}");
            var users = ImageUsers?.Invoke(image.Id) ?? [];
            if (name is not null)
            {
                if (!force && image.Names.Count == 1 && users.Count > 0)
                {
                    throw new ImageStoreException($"conflict: unable to remove repository reference \"{text}\" (must force) - container {Short(users[0].ContainerId)} is using its referenced image {image.Id[7..19]}");
                }
                image.Names.Remove(name);
                report.Untagged.Add(name);
                if (image.Names.Count > 0 || users.Any(u => u.Running)) return 0; // untagged only: a running container still uses it
            }
            else
            {
                if (users.FirstOrDefault(u => u.Running) is { ContainerId: not null } running)
                {
                    throw new ImageStoreException($"conflict: unable to delete {image.Id[7..19]} (cannot be forced) - image is being used by running container {Short(running.ContainerId)}");
                }
                if (!force && users.Count > 0)
                {
                    throw new ImageStoreException($"conflict: unable to delete {image.Id[7..19]} (must be forced) - image is being used by stopped container {Short(users[0].ContainerId)}");
                }
                if (image.Names.Count > 1 && !force)
                {
                    throw new ImageStoreException($"unable to delete {image.Id[7..19]} (must be forced): image is referenced in multiple repositories ({string.Join(", ", image.Names)})");
                }
            }
            report.Untagged.AddRange(image.Names);
            set.Images.Remove(image);
            report.Deleted.Add(image.Id);
            return 0;
        });
        if (report.Deleted.Count > 0) await CollectGarbageAsync(report, cancellationToken);
        return report;
    }

    /// <summary><c>image prune</c>: deletes dangling images (no names), or with <paramref name="all"/> every image not in use.</summary>
    public async Task<RemovalReport> PruneAsync(bool all, Func<ImageRecord, bool>? inUse, CancellationToken cancellationToken)
    {
        var report = new RemovalReport();
        Update(set =>
        {
            foreach (var image in set.Images.Where(i => (all || i.Names.Count == 0) && inUse?.Invoke(i) != true).ToList())
            {
                set.Images.Remove(image);
                report.Untagged.AddRange(image.Names);
                report.Deleted.Add(image.Id);
            }
            return 0;
        });
        await CollectGarbageAsync(report, cancellationToken);
        return report;
    }

    /// <summary>
    /// The containers using an image, by image id (the engine's rows): <see cref="RemoveAsync"/> refuses to delete an
    /// image a container uses, as docker does (by name without force: a conflict; with force: untagged only while a
    /// container runs it; by id: a conflict unless forced, and never while one runs). Null: no container uses any image.
    /// </summary>
    public Func<string, IReadOnlyList<ImageUser>>? ImageUsers { get; set; }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>
    /// The diff IDs of layers something outside the image store still uses (the engine's container snapshots
    /// mount layer directories as overlay lowerdirs): garbage collection keeps them even when no image names them.
    /// </summary>
    public Func<IReadOnlySet<string>>? LayersInUse { get; set; }

    /// <summary>
    /// Deletes every blob no image names, every unpacked layer no image (nor <see cref="LayersInUse"/>) names, and
    /// temp files of interrupted pulls. Takes store.lock exclusively, so it waits for running pulls, loads and
    /// imports (they hold it shared until their record is written).
    /// </summary>
    public async Task CollectGarbageAsync(RemovalReport report, CancellationToken cancellationToken)
    {
        using var exclusive = await FileLock.AcquireAsync(Path.Combine(Directory, "store.lock"), exclusive: true, cancellationToken);
        var referenced = ReferenceCounts();
        foreach (Digest digest in Content.List().ToList())
        {
            if (referenced.ContainsKey(digest.ToString())) continue;
            report.BytesFreed += Content.SizeOf(digest);
            Content.Delete(digest);
            report.BlobsRemoved++;
        }
        Content.RemoveStaleTempFiles();
        CollectLayers(report);
    }

    /// <summary>Reference counting by diff ID: a layer directory lives while an image's rootfs.diff_ids names it.</summary>
    private void CollectLayers(RemovalReport report)
    {
        var keep = new HashSet<string>(LayersInUse?.Invoke() ?? new HashSet<string>(), StringComparer.Ordinal);
        foreach (var image in List())
        {
            try
            {
                keep.UnionWith(DiffIdsOf(image));
            }
            catch (ImageStoreException)
            {
                return; // an image whose config cannot be read: keep every layer rather than guess
            }
        }
        foreach (string diffId in Layers.List().Where(d => !keep.Contains(d)))
        {
            report.BytesFreed += Layers.DiskUsage(diffId);
            Layers.Remove(diffId);
            report.LayersRemoved++;
        }
        Layers.RemoveStaleTemporaries(TimeSpan.Zero);
    }
}
