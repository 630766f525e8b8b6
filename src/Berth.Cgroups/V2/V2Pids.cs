using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>pids (v2): linux.resources.pids.limit → pids.max ("max" when 0 or negative).</summary>
internal static class V2Pids
{
    public static void Set(V2Files files, Pids? pids)
    {
        if (pids is not null)
        {
            files.Write("pids.max", PidsMax.Format(pids.Limit));
        }
    }
}
