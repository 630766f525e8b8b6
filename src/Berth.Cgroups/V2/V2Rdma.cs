using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>rdma (v2): linux.resources.rdma → rdma.max, one line per device (see <see cref="RdmaMax"/>).</summary>
internal static class V2Rdma
{
    public static void Set(V2Files files, Dictionary<string, Rdma>? rdma)
    {
        foreach (string line in RdmaMax.Lines(rdma ?? []))
        {
            files.Write(RdmaMax.File, line);
        }
    }
}
