using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>rdma (v1): linux.resources.rdma → rdma.max, one line per device (see <see cref="RdmaMax"/>).</summary>
internal sealed class RdmaController : V1Controller
{
    public RdmaController(string mountpoint, string relative, CgroupFs fs)
        : base("rdma", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        foreach (string line in RdmaMax.Lines(resources.Rdma ?? []))
        {
            Write(RdmaMax.File, line);
        }
    }
}
