using Berth.Engine.Disk;
using Berth.Images.Content;
using Berth.Storage;

namespace Berth.Engine.Containers;

public sealed partial class ContainerEngine
{
    /// <summary>
    /// `berth system df`: every unpacked layer and every container's writes measured on disk now (allocated blocks,
    /// hard links once), images as the image store records them, volumes as <see cref="Volumes.VolumeManager.Usage"/>
    /// measures them. See <see cref="DiskUsage"/>.
    /// </summary>
    public DiskUsage DiskUsage()
    {
        var images = Images.List().Select(i => new ImageLayers(i.Id, i.Names, i.Created, DiffIdsOrEmpty(i))).ToList();
        var layerSizes = Layers.List().ToDictionary(d => d, Layers.DiskUsage, StringComparer.Ordinal);
        var containers = List(all: true).Select(c => new ContainerUsage(c, ContainerDiskUsage(c.Id))).ToList();
        return Disk.DiskUsage.Compute(images, layerSizes, containers, Volumes.Usage());
    }

    /// <summary>What the container wrote; 0 when its snapshot is gone or cannot be read.</summary>
    private long ContainerDiskUsage(string id)
    {
        try
        {
            return Snapshotter.Exists(id) ? Snapshotter.Usage(id).Bytes : 0;
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private IReadOnlyList<string> DiffIdsOrEmpty(ImageRecord image)
    {
        try
        {
            return Images.DiffIdsOf(image);
        }
        catch (ImageStoreException)
        {
            return [];
        }
    }
}
