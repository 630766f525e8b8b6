using System.Globalization;

namespace Berth.Cgroups;

/// <summary>Walks one cgroup directory tree: its levels below a hierarchy root, its processes, its removal.</summary>
internal static class CgroupTree
{
    /// <summary>Retries of a busy rmdir: first without sleeping (usually enough), then every millisecond, about half a second in all.</summary>
    private const int YieldingAttempts = 50, RemoveAttempts = YieldingAttempts + 500;
    private static readonly TimeSpan s_busyDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>The absolute directory of each level of <paramref name="relative"/> ("a/b" → root/a, root/a/b).</summary>
    public static IReadOnlyList<string> Levels(string root, string relative)
    {
        var levels = new List<string>();
        string current = root;
        foreach (string part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Join(current, part);
            levels.Add(current);
        }
        return levels;
    }

    /// <summary>PIDs listed in cgroup.procs of <paramref name="directory"/> and of every descendant.</summary>
    public static List<int> ReadPids(CgroupFs fs, string directory)
    {
        var pids = new List<int>();
        Collect(fs, directory, pids);
        return pids;
    }

    /// <summary>rmdir of every descendant, deepest first, then of <paramref name="directory"/>; a missing tree is fine.</summary>
    public static void Remove(CgroupFs fs, string directory)
    {
        if (!fs.DirectoryExists(directory))
        {
            return;
        }
        foreach (string child in fs.ChildDirectories(directory))
        {
            Remove(fs, child);
        }
        RemoveWithRetry(fs, directory);
    }

    private static void Collect(CgroupFs fs, string directory, List<int> pids)
    {
        string? procs = fs.ReadIfExists(Path.Join(directory, "cgroup.procs"));
        if (procs is null)
        {
            return;
        }
        foreach (string line in procs.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            pids.Add(int.Parse(line, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        foreach (string child in fs.ChildDirectories(directory))
        {
            Collect(fs, child, pids);
        }
    }

    /// <summary>
    /// The kernel answers EBUSY for a short while after the last task exited (it is still being freed), so
    /// retry: first yielding only (a few hundred microseconds is the usual wait), then every millisecond,
    /// about half a second in all, before giving up.
    /// </summary>
    private static void RemoveWithRetry(CgroupFs fs, string directory)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                fs.RemoveDirectory(directory);
                return;
            }
            catch (CgroupException e) when (e.Errno == Errno.EBUSY && attempt < RemoveAttempts)
            {
                if (attempt == 1) fs.Trace($"rmdir {directory}: busy, retrying");
                fs.Pause(attempt < YieldingAttempts ? TimeSpan.Zero : s_busyDelay);
            }
        }
    }
}
