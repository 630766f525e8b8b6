using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups;

/// <summary>
/// linux.resources.rdma → rdma.max (the same file on v1 and v2): one write per device,
/// "mlx5_0 hca_handle=2 hca_object=2000", leaving out the limits not given (the kernel keeps those).
/// </summary>
internal static class RdmaMax
{
    public const string File = "rdma.max";

    public static IEnumerable<string> Lines(Dictionary<string, Rdma> devices)
    {
        foreach (var (device, limits) in devices.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (device.Length == 0 || device.Any(c => char.IsWhiteSpace(c) || c == '\0'))
            {
                throw new CgroupException($"linux.resources.rdma: device name \"{device}\" must be a non-empty name without spaces");
            }
            string line = device;
            if (limits.HcaHandles is uint handles)
            {
                line += " hca_handle=" + handles.ToString(CultureInfo.InvariantCulture);
            }
            if (limits.HcaObjects is uint objects)
            {
                line += " hca_object=" + objects.ToString(CultureInfo.InvariantCulture);
            }
            yield return line;
        }
    }
}
