using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// net_cls (v1 only): linux.resources.network.classID → net_cls.classid. The kernel tags the cgroup's packets
/// with this class id (0xAAAABBBB = tc handle AAAA:BBBB) for tc filters and iptables "-m cgroup". 0 = not set.
/// </summary>
internal sealed class NetClsController : V1Controller
{
    public NetClsController(string mountpoint, string relative, CgroupFs fs)
        : base("net_cls", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.Network?.ClassID is uint classId && classId != 0)
        {
            Write("net_cls.classid", (ulong)classId);
        }
    }
}
