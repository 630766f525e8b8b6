using Berth.Images.Content;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `container prune` / the first step of `system prune`: removes every container that is not running (created
    /// or exited), measuring what each wrote first. Returns the removed ids and the bytes their snapshots took.
    /// </summary>
    public (List<string> Removed, long Bytes) PruneContainers()
    {
        var removed = new List<string>();
        long bytes = 0;
        foreach (var c in List(all: true).Where(c => !c.IsRunning))
        {
            long size = ContainerDiskUsage(c.Id);
            try
            {
                Remove(c.Id, force: false);
            }
            catch (EngineException)
            {
                continue; // started meanwhile by another berth: not ours to remove
            }
            removed.Add(c.Id);
            bytes += size;
        }
        return (removed, bytes);
    }

    /// <summary>Image id → the containers (any state) whose rows name it, for <see cref="ImageStore.ImageUsers"/>.</summary>
    public Dictionary<string, List<ImageUser>> ImageUsers() =>
        List(all: true).GroupBy(c => c.ImageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => new ImageUser(c.Id, c.IsRunning)).ToList(), StringComparer.Ordinal);

    /// <summary>`image prune` / `system prune`: dangling images (every unused one with <paramref name="all"/>) no container uses.</summary>
    public Task<RemovalReport> PruneImagesAsync(bool all, CancellationToken cancellationToken)
    {
        var users = ImageUsers();
        return Images.PruneAsync(all, i => users.ContainsKey(i.Id), cancellationToken);
    }
}
