namespace Berth.Storage.Snapshots;

/// <summary>
/// How a snapshot is mounted: the mount(2) arguments (<see cref="Type"/> "overlay" with <see cref="Options"/>
/// "lowerdir=…,upperdir=…,workdir=…"; or "bind" for vfs) and the directory where the root appears.
/// </summary>
public sealed record SnapshotMount(string Key, string Type, string Source, string Options, string RootfsPath);
