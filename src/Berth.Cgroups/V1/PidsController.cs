using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>pids: linux.resources.pids.limit → pids.max ("max" when the limit is 0 or negative). Statistics: pids.current and pids.max.</summary>
internal sealed class PidsController : V1Controller
{
    public PidsController(string mountpoint, string relative, CgroupFs fs)
        : base("pids", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.Pids is Pids pids)
        {
            Write("pids.max", PidsMax.Format(pids.Limit));
        }
    }

    public override void AddStats(CgroupStats stats) => PidsStatsReader.Add(StatFiles, stats.Pids);
}
