using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Runtime.Namespaces;

/// <summary>Writes /proc/&lt;pid&gt;/uid_map and gid_map for an init in a new user namespace (user_namespaces(7)).</summary>
internal static class IdMaps
{
    internal static void Write(int pid, IReadOnlyList<IdMapping>? uids, IReadOnlyList<IdMapping>? gids)
    {
        WriteOne(pid, "uid_map", uids, "linux.uidMappings");
        WriteOne(pid, "gid_map", gids, "linux.gidMappings");
    }

    /// <summary>The host id that <paramref name="containerId"/> maps to; the id itself when there are no mappings.</summary>
    public static uint HostIdOf(IReadOnlyList<IdMapping>? maps, uint containerId)
    {
        if (maps is null || maps.Count == 0) return containerId;
        foreach (var m in maps)
        {
            if (containerId >= m.ContainerID && containerId - m.ContainerID < m.Size) return m.HostID + (containerId - m.ContainerID);
        }
        throw new InvalidSpecException($"linux.uidMappings/gidMappings: container id {containerId} is not mapped (the container's root needs a mapping)");
    }

    public static string Format(IEnumerable<IdMapping> maps) =>
        string.Concat(maps.Select(m => $"{m.ContainerID} {m.HostID} {m.Size}\n"));

    private static void WriteOne(int pid, string file, IReadOnlyList<IdMapping>? maps, string field)
    {
        if (maps is null || maps.Count == 0) throw new InvalidSpecException($"{field}: a user namespace needs mappings");
        string path = $"/proc/{pid}/{file}";
        string text = Format(maps);
        Tracing.Trace.Step($"write {path}: {text.Trim().Replace("\n", "; ")}");
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BerthException($"{field}: write {path}: {e.Message} (each range must be inside the host's ids, " +
                "ranges must not overlap, and at most 340 lines are allowed)");
        }
    }
}
