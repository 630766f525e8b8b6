using Berth.Engine.State;
using Berth.Engine.Volumes;

namespace Berth.Engine.Disk;

/// <summary>One image as `system df -v` lists it: its layers' size, the part shared with other images, its containers.</summary>
public sealed record ImageUsage(string Id, IReadOnlyList<string> Names, DateTimeOffset? Created, long Size, long SharedSize, int Containers)
{
    public long UniqueSize => Size - SharedSize;
}

/// <summary>One container as `system df -v` lists it: what it wrote (overlay upper directory, or the vfs copy).</summary>
public sealed record ContainerUsage(ContainerRecord Container, long Size);

/// <summary>An image as the disk-usage count needs it: id, names, created, layer diff IDs (bottom first).</summary>
public sealed record ImageLayers(string Id, IReadOnlyList<string> Names, DateTimeOffset? Created, IReadOnlyList<string> DiffIds);

/// <summary>
/// `berth system df`, computed from what was measured on disk (pure: the inputs are the measurements). Layers are
/// counted once however many images share them (docker's LayersSize); an image is active when a container (in any
/// state) uses it; reclaimable image space is the layers no active image needs; reclaimable container space is what
/// the containers that are not running wrote.
/// </summary>
public sealed class DiskUsage
{
    public required IReadOnlyList<ImageUsage> Images { get; init; }
    public required IReadOnlyList<ContainerUsage> Containers { get; init; }
    public long LayersSize { get; init; }
    public long ImagesReclaimable { get; init; }
    public int ActiveImages => Images.Count(i => i.Containers > 0);
    public int ActiveContainers => Containers.Count(c => c.Container.IsRunning);
    public long ContainersSize => Containers.Sum(c => c.Size);
    public long ContainersReclaimable => Containers.Where(c => !c.Container.IsRunning).Sum(c => c.Size);

    /// <summary>Local volumes: active when a container (in any state) uses one; the unused ones are reclaimable.</summary>
    public IReadOnlyList<VolumeUsage> VolumeUsages { get; init; } = [];
    public int Volumes => VolumeUsages.Count;
    public int ActiveVolumes => VolumeUsages.Count(v => v.Links > 0);
    public long VolumesSize => VolumeUsages.Sum(v => v.Size);
    public long VolumesReclaimable => VolumeUsages.Where(v => v.Links == 0).Sum(v => v.Size);

    public static DiskUsage Compute(IReadOnlyList<ImageLayers> images, IReadOnlyDictionary<string, long> layerSizes, IReadOnlyList<ContainerUsage> containers,
        IReadOnlyList<VolumeUsage>? volumes = null)
    {
        long SizeOf(string diffId) => layerSizes.GetValueOrDefault(diffId);
        var imagesPerLayer = images.SelectMany(i => i.DiffIds.Distinct()).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var containersPerImage = containers.GroupBy(c => c.Container.ImageId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var usages = images.Select(i =>
        {
            var layers = i.DiffIds.Distinct().ToList();
            return new ImageUsage(i.Id, i.Names, i.Created, layers.Sum(SizeOf), layers.Where(d => imagesPerLayer[d] > 1).Sum(SizeOf), containersPerImage.GetValueOrDefault(i.Id));
        }).ToList();
        var needed = new HashSet<string>(images.Where(i => containersPerImage.ContainsKey(i.Id)).SelectMany(i => i.DiffIds), StringComparer.Ordinal);
        long total = layerSizes.Values.Sum();
        long reclaimable = layerSizes.Where(kv => !needed.Contains(kv.Key)).Sum(kv => kv.Value);
        return new DiskUsage { Images = usages, Containers = containers, LayersSize = total, ImagesReclaimable = reclaimable, VolumeUsages = volumes ?? [] };
    }
}
