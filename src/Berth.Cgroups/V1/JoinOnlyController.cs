namespace Berth.Cgroups.V1;

/// <summary>
/// A hierarchy the container joins without Berth.Cgroups writing limits: devices (its rules are applied elsewhere),
/// perf_event, misc, named hierarchies like name=systemd, and the controller-less cgroup2 hierarchy of a hybrid host.
/// </summary>
internal sealed class JoinOnlyController : V1Controller
{
    public JoinOnlyController(string name, string mountpoint, string relative, CgroupFs fs)
        : base(name, mountpoint, relative, fs)
    {
    }
}
