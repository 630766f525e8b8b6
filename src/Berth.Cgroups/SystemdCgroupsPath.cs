namespace Berth.Cgroups;

/// <summary>
/// The systemd form of linux.cgroupsPath, "slice:prefix:name", converted to the path systemd would use:
/// the slice expands to its parents ("user-1000.slice" → "user.slice/user-1000.slice", "" → "system.slice",
/// "-.slice" → the root) and the unit is "prefix-name.scope" (or "name" itself when it is a slice).
/// </summary>
internal static class SystemdCgroupsPath
{
    private const string SliceSuffix = ".slice";

    public static bool IsSystemdForm(string cgroupsPath) =>
        !cgroupsPath.StartsWith('/') && cgroupsPath.Count(c => c == ':') == 2;

    public static string ToPath(string cgroupsPath)
    {
        string[] parts = cgroupsPath.Split(':');
        string slice = parts[0].Length == 0 ? "system.slice" : parts[0];
        string prefix = parts[1];
        string name = parts[2];
        foreach (string part in parts)
        {
            RequireNoPathSyntax(cgroupsPath, part);
        }
        if (name.Length == 0)
        {
            throw new CgroupException($"{CgroupsPath.Field} \"{cgroupsPath}\": the systemd form slice:prefix:name needs a name");
        }
        string unit = name.EndsWith(SliceSuffix, StringComparison.Ordinal) ? name
            : prefix.Length == 0 ? name + ".scope" : $"{prefix}-{name}.scope";
        string expanded = ExpandSlice(cgroupsPath, slice);
        return expanded.Length == 0 ? unit : expanded + "/" + unit;
    }

    /// <summary>"a-b-c.slice" → "a.slice/a-b.slice/a-b-c.slice"; "-.slice" (the root slice) → "".</summary>
    private static string ExpandSlice(string cgroupsPath, string slice)
    {
        if (slice.Length <= SliceSuffix.Length || !slice.EndsWith(SliceSuffix, StringComparison.Ordinal))
        {
            throw new CgroupException($"{CgroupsPath.Field} \"{cgroupsPath}\": \"{slice}\" is not a slice name (x.slice)");
        }
        string stem = slice[..^SliceSuffix.Length];
        if (stem == "-")
        {
            return "";
        }
        var levels = new List<string>();
        string prefix = "";
        foreach (string component in stem.Split('-'))
        {
            if (component.Length == 0)
            {
                throw new CgroupException($"{CgroupsPath.Field} \"{cgroupsPath}\": slice \"{slice}\" has an empty component");
            }
            levels.Add(prefix + component + SliceSuffix);
            prefix += component + "-";
        }
        return string.Join('/', levels);
    }

    private static void RequireNoPathSyntax(string cgroupsPath, string part)
    {
        if (part.Contains('/') || part.Contains('\0') || part is "." or "..")
        {
            throw new CgroupException($"{CgroupsPath.Field} \"{cgroupsPath}\": \"{part}\" must not contain \"/\" or be \"..\"");
        }
    }
}
