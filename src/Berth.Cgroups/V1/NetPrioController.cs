using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// net_prio (v1 only): each linux.resources.network.priorities[] entry → one "ifname priority" write to
/// net_prio.ifpriomap, the socket priority (SO_PRIORITY) the cgroup's traffic gets on that interface.
/// </summary>
internal sealed class NetPrioController : V1Controller
{
    public NetPrioController(string mountpoint, string relative, CgroupFs fs)
        : base("net_prio", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        foreach (NetworkPriority priority in resources.Network?.Priorities ?? [])
        {
            if (priority.Name.Length == 0 || priority.Name.Any(c => char.IsWhiteSpace(c) || c == '\0'))
            {
                throw new CgroupException($"linux.resources.network.priorities: interface name \"{priority.Name}\" must be non-empty without spaces");
            }
            Write("net_prio.ifpriomap", $"{priority.Name} {priority.Priority.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
