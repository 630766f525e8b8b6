namespace Berth.Cgroups;

/// <summary>
/// Parses /proc/self/cgroup (cgroups(7)): "hierarchy-id:controller-list:path" per line. Each v1 controller
/// (and "name=systemd") maps to the path of its hierarchy; the cgroup2 line ("0::/x") maps under "".
/// </summary>
internal static class ProcCgroupParser
{
    public static Dictionary<string, string> Parse(string procCgroup)
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in procCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(':', 3);
            if (fields.Length != 3)
            {
                continue;
            }
            if (fields[1].Length == 0)
            {
                own[""] = fields[2];
                continue;
            }
            foreach (string controller in fields[1].Split(','))
            {
                own[controller] = fields[2];
            }
        }
        return own;
    }
}
