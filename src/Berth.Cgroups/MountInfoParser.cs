using System.Text;

namespace Berth.Cgroups;

/// <summary>
/// Parses proc_pid_mountinfo(5) lines: "id parent maj:min root mountpoint options [optional...] - fstype source superoptions".
/// Only cgroup and cgroup2 mounts are kept; a v1 hierarchy's controllers are read from its super options.
/// </summary>
internal static class MountInfoParser
{
    public const string Cgroup1 = "cgroup";
    public const string Cgroup2 = "cgroup2";

    // Controllers the kernel knows as cgroup v1 subsystems (include/linux/cgroup_subsys.h); any other super
    // option (rw, xattr, clone_children, release_agent=..., nsdelegate, ...) is a mount option, not a controller.
    private static readonly HashSet<string> s_knownControllers =
    [
        "cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer", "net_cls", "perf_event",
        "net_prio", "hugetlb", "pids", "rdma", "misc", "debug",
    ];

    public static List<CgroupMount> Parse(string mountInfo)
    {
        var mounts = new List<CgroupMount>();
        foreach (string line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseLine(line) is CgroupMount mount)
            {
                mounts.Add(mount);
            }
        }
        return mounts;
    }

    private static CgroupMount? ParseLine(string line)
    {
        string[] fields = line.Split(' ');
        int separator = Array.IndexOf(fields, "-", 6);
        if (separator < 0 || separator + 3 >= fields.Length)
        {
            return null;
        }
        string fsType = fields[separator + 1];
        if (fsType is not (Cgroup1 or Cgroup2))
        {
            return null;
        }
        IReadOnlyList<string> controllers = fsType == Cgroup1 ? Controllers(fields[separator + 3]) : [];
        return new CgroupMount(Unescape(fields[4]), Unescape(fields[3]), fsType, controllers);
    }

    private static List<string> Controllers(string superOptions) =>
        superOptions.Split(',')
            .Where(o => s_knownControllers.Contains(o) || (o.StartsWith("name=", StringComparison.Ordinal) && o.Length > 5))
            .ToList();

    /// <summary>The kernel writes space, tab, newline and backslash in paths as octal escapes ("\040").</summary>
    internal static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }
        var result = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                result.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                result.Append(field[i]);
            }
        }
        return result.ToString();
    }

    private static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s.AsSpan(start, 3).IndexOfAnyExceptInRange('0', '7') < 0;
}
