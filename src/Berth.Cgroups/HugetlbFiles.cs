using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups;

/// <summary>
/// hugetlb file names, the same scheme on v1 and v2: hugetlb.&lt;size&gt;.&lt;name&gt; where size is the kernel's name
/// of a huge page size ("2MB", "1GB", "64KB"), the form OCI's hugepageLimits[].pageSize uses. The sizes a host
/// supports are the ones its cgroup directory has files for; "rsvd" files (Linux 5.7+) limit reservations too.
/// </summary>
internal static class HugetlbFiles
{
    public const string Field = "linux.resources.hugepageLimits";

    /// <summary>The sizes this cgroup has files for, from "hugetlb.&lt;size&gt;&lt;suffix&gt;" names (rsvd ones left out).</summary>
    public static List<string> Sizes(CgroupFs fs, string directory, string suffix) =>
        fs.FileNames(directory, "hugetlb.*" + suffix)
            .Select(name => name["hugetlb.".Length..^suffix.Length])
            .Where(size => !size.EndsWith(".rsvd", StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// Writes each limit to hugetlb.&lt;size&gt;&lt;suffix&gt; and, while the kernel has them, to the .rsvd variant as
    /// runc does. A size the host lacks is an error listing the sizes it has.
    /// </summary>
    public static void SetLimits(CgroupFs fs, string directory, List<HugepageLimit> limits, string suffix, Action<string, string> write)
    {
        bool rsvd = true;
        foreach (HugepageLimit limit in limits)
        {
            RequirePageSizeName(limit.PageSize);
            string file = $"hugetlb.{limit.PageSize}{suffix}";
            RequireSupported(fs, directory, limit.PageSize, suffix);
            string value = limit.Limit.ToString(CultureInfo.InvariantCulture);
            write(file, value);
            string rsvdFile = $"hugetlb.{limit.PageSize}.rsvd{suffix}";
            rsvd = rsvd && fs.FileExists(Path.Join(directory, rsvdFile));
            if (rsvd)
            {
                write(rsvdFile, value);
            }
        }
    }

    /// <summary>A page size names a file, so it must look like "2MB": digits and a unit, nothing that could walk paths.</summary>
    public static void RequirePageSizeName(string pageSize)
    {
        int digits = pageSize.TakeWhile(char.IsAsciiDigit).Count();
        string unit = pageSize[digits..];
        if (digits == 0 || pageSize[0] == '0' || unit is not ("B" or "KB" or "MB" or "GB" or "TB" or "PB"))
        {
            throw new CgroupException($"{Field}: pageSize \"{pageSize}\" is not a huge page size name like \"2MB\" or \"1GB\"");
        }
    }

    /// <summary>When the directory has hugetlb files but none for this size, the size is unsupported; with no files at all the
    /// write itself reports the missing controller.</summary>
    private static void RequireSupported(CgroupFs fs, string directory, string pageSize, string suffix)
    {
        List<string> sizes = Sizes(fs, directory, suffix);
        if (sizes.Count > 0 && !sizes.Contains(pageSize))
        {
            throw new CgroupException($"{Field}: this host has no {pageSize} huge pages ({directory}/hugetlb.{pageSize}{suffix} "
                + $"does not exist); supported page sizes: {string.Join(", ", sizes)}");
        }
    }
}
