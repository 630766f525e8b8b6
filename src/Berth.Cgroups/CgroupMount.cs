namespace Berth.Cgroups;

/// <summary>
/// One cgroup or cgroup2 line of /proc/self/mountinfo. <see cref="Controllers"/> holds the v1 controllers of
/// the hierarchy ("cpu", "cpuacct" when co-mounted) and named hierarchies as "name=systemd"; empty for cgroup2.
/// </summary>
internal sealed record CgroupMount(string Mountpoint, string Root, string FsType, IReadOnlyList<string> Controllers)
{
    public bool IsUnified => FsType == MountInfoParser.Cgroup2;
}
