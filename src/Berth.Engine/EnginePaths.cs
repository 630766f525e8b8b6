namespace Berth.Engine;

/// <summary>
/// Where the engine keeps things. Data (survives reboots): <c>ROOT/engine.db</c> (SQLite),
/// <c>ROOT/containers/ID/</c> (config.json, hosts files, the json-file log), <c>ROOT/storage</c> (layers and
/// snapshots, Berth.Storage), <c>ROOT/images</c> (Berth.Images). Runtime state (tmpfs, gone at reboot):
/// <c>RUNROOT/runtime</c> (the OCI runtime's --root) and <c>RUNROOT/containers/ID/</c> (pid files, exit file,
/// runtime log). ROOT = --root, $BERTH_ROOT or /var/lib/berth; RUNROOT = $BERTH_RUNROOT or /run/berth.
/// Containers' cgroups go under /CGROUP_PARENT/ID with CGROUP_PARENT = $BERTH_CGROUP_PARENT or "berth".
/// </summary>
public sealed class EnginePaths
{
    public EnginePaths(string dataRoot, string? runRoot = null, string? cgroupParent = null)
    {
        DataRoot = Path.GetFullPath(dataRoot);
        RunRoot = Path.GetFullPath(runRoot ?? (Environment.GetEnvironmentVariable("BERTH_RUNROOT") is { Length: > 0 } r ? r : "/run/berth"));
        CgroupParent = (cgroupParent ?? (Environment.GetEnvironmentVariable("BERTH_CGROUP_PARENT") is { Length: > 0 } c ? c : "berth")).Trim('/');
    }

    public string DataRoot { get; }
    public string RunRoot { get; }
    public string CgroupParent { get; }
    public string Database => Path.Combine(DataRoot, "engine.db");
    public string StorageRoot => Path.Combine(DataRoot, "storage");
    public string RuntimeRoot => Path.Combine(RunRoot, "runtime");

    /// <summary>ROOT/containers/ID: the bundle (config.json) and the log.</summary>
    public string ContainerDirectory(string id) => Path.Combine(DataRoot, "containers", id);

    /// <summary>RUNROOT/containers/ID: pid file, exit file, runtime log, monitor log.</summary>
    public string RunDirectory(string id) => Path.Combine(RunRoot, "containers", id);

    public string LogPath(string id) => Path.Combine(ContainerDirectory(id), id + "-json.log");

    public string CgroupsPath(string id) => $"/{CgroupParent}/{id}";
}
