using Berth.Engine.Specs;

namespace Berth.Engine.Copy;

/// <summary>
/// What `berth cp` sees of a container: its rootfs with the binds and volumes laid over it. A container path
/// is mapped (lexically, by the longest mount destination it lies under) to a host directory tree and a path
/// inside it, which <see cref="Berth.Storage.Copy.RootedTree"/> then resolves without leaving that tree. So a
/// path under a volume reads and writes the volume, as docker's cp does; a symlink that crosses from the rootfs
/// into a mount resolves in the tree it starts in. tmpfs mounts are not reachable (they live in the
/// container's mount namespace only), as with docker. Pure.
/// </summary>
public sealed class ContainerView(string rootfs, bool readOnlyRootfs, IReadOnlyList<MountPoint> mounts, IEnumerable<string> tmpfsDestinations)
{
    private readonly List<string> _tmpfs = tmpfsDestinations.Select(MountRequest.Clean).ToList();

    /// <summary>Where a container path lives: the tree's top, the path inside it, whether it is read-only, and which mount ("" = rootfs).</summary>
    public sealed record Location(string Root, string Path, bool ReadOnly, string Mount);

    public Location Map(string containerPath)
    {
        string path = MountRequest.Clean(containerPath);
        if (_tmpfs.FirstOrDefault(t => Under(path, t)) is { } tmpfs)
        {
            throw new EngineException($"{containerPath} is on the tmpfs mount {tmpfs} of the container, which cp cannot reach", 1);
        }
        var mount = mounts.Where(m => m.Type != "tmpfs" && Under(path, m.Destination)).MaxBy(m => m.Destination.Length);
        if (mount is null) return new Location(rootfs, path, readOnlyRootfs, "");
        string rest = path.Length == mount.Destination.Length ? "/" : path[mount.Destination.Length..];
        if (Directory.Exists(mount.Source)) return new Location(mount.Source, rest, mount.ReadOnly, mount.Destination);
        // A bind of a single file: the tree is its directory, the path its name.
        return rest == "/"
            ? new Location(System.IO.Path.GetDirectoryName(mount.Source)!, "/" + System.IO.Path.GetFileName(mount.Source), mount.ReadOnly, mount.Destination)
            : throw new EngineException($"{containerPath}: not a directory", 1);
    }

    private static bool Under(string path, string destination) =>
        destination == "/" || path == destination || path.StartsWith(destination + "/", StringComparison.Ordinal);
}
