using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.Runtime.Namespaces;

/// <summary>Writes /proc/&lt;pid&gt;/uid_map and gid_map for an init in a new user namespace (user_namespaces(7)).</summary>
internal static class IdMaps
{
    internal static void Write(int pid, IReadOnlyList<IdMapping>? uids, IReadOnlyList<IdMapping>? gids)
    {
        uint euid = Interop.Libc.geteuid();
        if (euid == 0)
        {
            WriteOne(pid, "uid_map", uids, "linux.uidMappings");
            WriteOne(pid, "gid_map", gids, "linux.gidMappings");
            return;
        }
        // Rootless. The kernel lets an unprivileged user map only its own uid and gid, one id each, and the
        // gid map only after setgroups is denied. Anything more goes through the setuid helpers
        // newuidmap/newgidmap (apt: uidmap), which check /etc/subuid and /etc/subgid.
        if (IsOwnIdOnly(uids, euid)) WriteOne(pid, "uid_map", uids, "linux.uidMappings");
        else RunHelper("newuidmap", pid, uids, "linux.uidMappings");
        if (IsOwnIdOnly(gids, Interop.Libc.getegid()))
        {
            Tracing.Trace.Step($"write deny to /proc/{pid}/setgroups: an unprivileged gid map needs it");
            File.WriteAllText($"/proc/{pid}/setgroups", "deny");
            WriteOne(pid, "gid_map", gids, "linux.gidMappings");
        }
        else
        {
            RunHelper("newgidmap", pid, gids, "linux.gidMappings");
        }
    }

    /// <summary>True for the one mapping an unprivileged user may write itself: a single id, its own.</summary>
    public static bool IsOwnIdOnly(IReadOnlyList<IdMapping>? maps, uint ownId) =>
        maps is { Count: 1 } && maps[0].Size == 1 && maps[0].HostID == ownId;

    /// <summary>The arguments of newuidmap/newgidmap: PID, then "containerID hostID size" per range.</summary>
    public static List<string> HelperArgs(int pid, IEnumerable<IdMapping> maps) =>
        [pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
         .. maps.SelectMany(m => new[] { m.ContainerID.ToString(System.Globalization.CultureInfo.InvariantCulture), m.HostID.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) })];

    private static void RunHelper(string helper, int pid, IReadOnlyList<IdMapping>? maps, string field)
    {
        if (maps is null || maps.Count == 0) throw new InvalidSpecException($"{field}: a user namespace needs mappings");
        var args = HelperArgs(pid, maps);
        Tracing.Trace.Step($"{helper} {string.Join(' ', args)}: the setuid helper checks the ranges against /etc/sub{(helper == "newuidmap" ? "uid" : "gid")}");
        var info = new System.Diagnostics.ProcessStartInfo(helper) { RedirectStandardError = true, UseShellExecute = false };
        args.ForEach(info.ArgumentList.Add);
        try
        {
            using var p = System.Diagnostics.Process.Start(info)!;
            string error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                throw new BerthException($"{field}: {helper} {string.Join(' ', args)} failed: {error.Trim()} " +
                    $"(rootless: the ranges must be yours in /etc/sub{(helper == "newuidmap" ? "uid" : "gid")})");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BerthException($"{field}: more than your own id needs {helper}, which could not run ({e.Message}): apt-get install uidmap");
        }
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
