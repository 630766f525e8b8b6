namespace Berth.Engine.Volumes;

/// <summary>One volume as `system df` counts it: the row, its data directory, the containers using it, its size in bytes.</summary>
public sealed record VolumeUsage(VolumeRecord Volume, string Mountpoint, IReadOnlyList<string> Containers, long Size)
{
    /// <summary>docker's LINKS: how many containers (running or not) use it.</summary>
    public int Links => Containers.Count;
}
