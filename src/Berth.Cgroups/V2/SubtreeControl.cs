namespace Berth.Cgroups.V2;

/// <summary>
/// cgroup2 only gives a cgroup the controllers its parent lists in cgroup.subtree_control. Berth enables
/// cpu, memory, pids, cpuset, io, hugetlb, rdma and misc in each ancestor, as far as the ancestor has them (its
/// cgroup.controllers), as runc enables every available controller.
/// </summary>
internal static class SubtreeControl
{
    public const string ControllersFile = "cgroup.controllers";
    public const string SubtreeControlFile = "cgroup.subtree_control";

    /// <summary>The controllers Berth wants, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Wanted = ["cpu", "memory", "pids", "cpuset", "io", "hugetlb", "rdma", "misc"];

    /// <summary>
    /// Writes "+cpu +memory ..." for the wanted controllers that <paramref name="directory"/> has but has not
    /// enabled yet. If the kernel refuses the combined write (e.g. cpu while a real-time task sits in the root),
    /// each controller is tried alone and the refused ones are traced; a later write to their files names them.
    /// </summary>
    public static void Enable(CgroupFs fs, string directory)
    {
        HashSet<string> available = ReadTokens(fs, Path.Join(directory, ControllersFile));
        HashSet<string> enabled = ReadTokens(fs, Path.Join(directory, SubtreeControlFile));
        List<string> missing = Wanted.Where(c => available.Contains(c) && !enabled.Contains(c)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        string path = Path.Join(directory, SubtreeControlFile);
        try
        {
            fs.Write(path, string.Join(' ', missing.Select(c => "+" + c)));
        }
        catch (CgroupException) when (missing.Count > 1)
        {
            EnableOneByOne(fs, path, missing);
        }
    }

    private static void EnableOneByOne(CgroupFs fs, string path, List<string> controllers)
    {
        foreach (string controller in controllers)
        {
            try
            {
                fs.Write(path, "+" + controller);
            }
            catch (CgroupException e)
            {
                fs.Trace($"{controller} stays disabled: {e.Message}");
            }
        }
    }

    private static HashSet<string> ReadTokens(CgroupFs fs, string path) =>
        (fs.ReadIfExists(path) ?? "").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
