namespace Berth.Cgroups;

/// <summary>
/// Turns linux.cgroupsPath into a path relative to each hierarchy's root ("berth/abc"):
/// <list type="bullet">
/// <item>"/a/b" (absolute) → "a/b" under every hierarchy's mount root.</item>
/// <item>"a/b" (relative) → also "a/b" under the hierarchy root. runc nests a relative path under its own
/// cgroup; Berth keeps it simple and treats both forms alike.</item>
/// <item>null or "" → "berth/&lt;containerId&gt;".</item>
/// <item>"slice:prefix:name" (the systemd form) → "system.slice/prefix-name.scope" (see <see cref="SystemdCgroupsPath"/>);
/// only the path is used, systemd is not asked over D-Bus.</item>
/// </list>
/// ".." components are rejected, as is a path naming the root cgroup itself.
/// </summary>
public static class CgroupsPath
{
    public const string Field = "linux.cgroupsPath";

    public static string Resolve(string? cgroupsPath, string containerId)
    {
        if (string.IsNullOrEmpty(cgroupsPath))
        {
            RequirePlainName(containerId);
            return "berth/" + containerId;
        }
        if (SystemdCgroupsPath.IsSystemdForm(cgroupsPath))
        {
            return SystemdCgroupsPath.ToPath(cgroupsPath);
        }
        return Normalize(cgroupsPath);
    }

    private static string Normalize(string cgroupsPath)
    {
        if (cgroupsPath.Contains('\0'))
        {
            throw new CgroupException($"{Field} \"{cgroupsPath}\" contains a NUL byte");
        }
        var parts = new List<string>();
        foreach (string part in cgroupsPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                throw new CgroupException($"{Field} \"{cgroupsPath}\" must not contain \"..\"");
            }
            if (part != ".")
            {
                parts.Add(part);
            }
        }
        if (parts.Count == 0)
        {
            throw new CgroupException($"{Field} \"{cgroupsPath}\" names the root cgroup; give the container its own cgroup");
        }
        return string.Join('/', parts);
    }

    private static void RequirePlainName(string containerId)
    {
        if (containerId.Length == 0 || containerId is "." or ".." || containerId.Contains('/') || containerId.Contains('\0'))
        {
            throw new CgroupException($"container id \"{containerId}\" cannot name a cgroup (with {Field} empty, the cgroup is berth/<id>)");
        }
    }
}
