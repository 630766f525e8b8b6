using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// linux.resources.unified: each key is a file in the container's cgroup2 directory ("memory.high" → value).
/// Written last, so it overrides the typed fields. A key must be a plain file name: no "/" and no "..".
/// </summary>
internal static class V2Unified
{
    public static void Set(V2Files files, Dictionary<string, string>? unified)
    {
        if (unified is null)
        {
            return;
        }
        foreach (string key in unified.Keys.Order(StringComparer.Ordinal))
        {
            RequirePlainFileName(key);
            files.Write(key, unified[key]);
        }
    }

    private static void RequirePlainFileName(string key)
    {
        if (key.Length == 0 || key.Contains('/') || key.Contains("..", StringComparison.Ordinal) || key.Contains('\0'))
        {
            throw new CgroupException($"linux.resources.unified key \"{key}\" must be a cgroup file name without \"/\" or \"..\"");
        }
    }
}
