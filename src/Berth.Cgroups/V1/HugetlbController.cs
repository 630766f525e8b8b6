using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// hugetlb (v1): hugepageLimits[] → hugetlb.&lt;size&gt;.limit_in_bytes (and .rsvd.limit_in_bytes when the kernel has
/// it). Statistics per size: usage_in_bytes, max_usage_in_bytes, failcnt.
/// </summary>
internal sealed class HugetlbController : V1Controller
{
    private const string LimitSuffix = ".limit_in_bytes";

    public HugetlbController(string mountpoint, string relative, CgroupFs fs)
        : base("hugetlb", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.HugepageLimits is { Count: > 0 } limits)
        {
            HugetlbFiles.SetLimits(Fs, Directory, limits, LimitSuffix, Write);
        }
    }

    public override void AddStats(CgroupStats stats)
    {
        StatFiles files = StatFiles;
        foreach (string size in HugetlbFiles.Sizes(Fs, Directory, LimitSuffix))
        {
            string prefix = $"hugetlb.{size}.";
            stats.Hugetlb[size] = new HugetlbStats
            {
                Usage = files.Unsigned(prefix + "usage_in_bytes"),
                Max = files.Unsigned(prefix + "max_usage_in_bytes"),
                Failcnt = files.Unsigned(prefix + "failcnt"),
            };
        }
    }
}
