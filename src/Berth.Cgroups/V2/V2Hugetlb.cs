using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>hugetlb (v2): hugepageLimits[] → hugetlb.&lt;size&gt;.max, and hugetlb.&lt;size&gt;.rsvd.max when the kernel has it.</summary>
internal static class V2Hugetlb
{
    public const string LimitSuffix = ".max";

    public static void Set(V2Files files, List<HugepageLimit>? limits)
    {
        if (limits is { Count: > 0 })
        {
            HugetlbFiles.SetLimits(files.Fs, files.Directory, limits, LimitSuffix, files.Write);
        }
    }
}
