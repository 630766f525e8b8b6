namespace Berth.Storage.Snapshots;

/// <summary>Reads /proc/self/mountinfo to tell whether a directory is a mount point. The parsing is pure.</summary>
internal static class MountTable
{
    public static bool IsMountPoint(string path) =>
        IsMountPoint(File.ReadAllText("/proc/self/mountinfo"), path);

    /// <summary>Field 5 of each mountinfo line is the mount point, with space, tab, newline and backslash octal-escaped.</summary>
    public static bool IsMountPoint(string mountinfo, string path)
    {
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        foreach (string line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ');
            if (fields.Length > 4 && Unescape(fields[4]) == trimmed)
            {
                return true;
            }
        }
        return false;
    }

    internal static string Unescape(string field) =>
        field.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");
}
