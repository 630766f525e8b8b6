namespace Berth.Cgroups;

/// <summary>
/// The cgroup layout of this host: where each v1 controller hierarchy and the cgroup2 hierarchy are mounted,
/// which <see cref="CgroupMode"/> that makes, and the cgroup this process is in per hierarchy.
/// <see cref="Detect"/> checks /sys/fs/cgroup with statfs, else reads /proc/self/mountinfo; <see cref="ForV2"/> and
/// <see cref="ForV1"/> take roots directly (tests).
/// </summary>
public sealed class CgroupHost
{
    public const string DefaultMountInfoPath = "/proc/self/mountinfo";
    public const string DefaultProcCgroupPath = "/proc/self/cgroup";
    private const string PreferredV2Root = "/sys/fs/cgroup";

    private IReadOnlyDictionary<string, string>? _own;
    private string? _ownPath;

    private CgroupHost(CgroupMode mode, Dictionary<string, string> v1, string? unified, Dictionary<string, string>? own)
    {
        Mode = mode;
        V1Mountpoints = v1;
        UnifiedMountpoint = unified;
        _own = own;
    }

    public CgroupMode Mode { get; }

    /// <summary>v1 controller ("cpu", "memory", ...) or named hierarchy ("name=systemd") → mountpoint. Empty on V2.
    /// Co-mounted controllers ("cpu,cpuacct") map to the same mountpoint.</summary>
    public IReadOnlyDictionary<string, string> V1Mountpoints { get; }

    /// <summary>The cgroup2 mountpoint: the only hierarchy on V2, the controller-less one on Hybrid, null on V1.</summary>
    public string? UnifiedMountpoint { get; }

    /// <summary>This process's cgroup per hierarchy, from /proc/self/cgroup: controller (or "name=systemd", or "" for cgroup2) → path.</summary>
    /// <remarks>Read on first use (container starts never need it).</remarks>
    public IReadOnlyDictionary<string, string> OwnCgroups => _own ??= ReadOwn(_ownPath);

    /// <summary>v1 controllers that take resource limits (named hierarchies such as name=systemd left out).</summary>
    public IEnumerable<string> V1Controllers => V1Mountpoints.Keys.Where(k => !k.StartsWith("name=", StringComparison.Ordinal));

    public static CgroupHost Detect(string mountInfoPath = DefaultMountInfoPath, string procCgroupPath = DefaultProcCgroupPath)
    {
        // A cgroup2 file system at /sys/fs/cgroup is a pure v2 host (runc's and crun's test): one statfs instead
        // of reading and parsing mountinfo, which the kernel builds anew for every read (most hosts today).
        if (mountInfoPath == DefaultMountInfoPath && Interop.StatFs.TypeOf(PreferredV2Root) == Interop.StatFs.Cgroup2SuperMagic)
        {
            var v2 = ForV2(PreferredV2Root);
            v2._own = null;
            v2._ownPath = procCgroupPath;
            return v2;
        }
        var fs = new CgroupFs(trace: null);
        string mountInfo = fs.Read(mountInfoPath);
        var host = Parse(mountInfo, null, mountInfoPath);
        host._own = null;
        host._ownPath = procCgroupPath;
        return host;
    }

    private static IReadOnlyDictionary<string, string> ReadOwn(string? procCgroupPath)
    {
        string? text = procCgroupPath is null ? null : new CgroupFs(trace: null).ReadIfExists(procCgroupPath);
        return text is null ? new Dictionary<string, string>() : ProcCgroupParser.Parse(text);
    }

    /// <summary>Builds the host from the text of a mountinfo file (and optionally of /proc/self/cgroup).</summary>
    public static CgroupHost Parse(string mountInfo, string? procCgroup = null, string source = DefaultMountInfoPath)
    {
        List<CgroupMount> mounts = MountInfoParser.Parse(mountInfo);
        Dictionary<string, string> v1 = FirstMountpointPerController(mounts);
        var own = procCgroup is null ? new Dictionary<string, string>() : ProcCgroupParser.Parse(procCgroup);
        List<string> unified = mounts.Where(m => m.IsUnified).Select(m => m.Mountpoint).ToList();
        bool hasV1Controllers = v1.Keys.Any(k => !k.StartsWith("name=", StringComparison.Ordinal));
        if (hasV1Controllers)
        {
            return new CgroupHost(unified.Count > 0 ? CgroupMode.Hybrid : CgroupMode.V1, v1, unified.FirstOrDefault(), own);
        }
        if (unified.Count > 0)
        {
            string root = unified.Contains(PreferredV2Root) ? PreferredV2Root : unified[0];
            return new CgroupHost(CgroupMode.V2, new Dictionary<string, string>(), root, own);
        }
        throw new CgroupException($"no cgroup or cgroup2 filesystem is mounted (read {source}); mount one at /sys/fs/cgroup");
    }

    /// <summary>
    /// The host as a manager saw it at create, from its <see cref="ICgroupManager.Paths"/> (controller, or "" for
    /// cgroup2, → the container's directory) and the container's relative cgroup path: each mountpoint is its
    /// directory without that path. Later commands on a container (state, exec, pause, kill, delete) need no
    /// mountinfo then. Null when the paths do not say (none saved, as in rootless; or not ending in the path).
    /// </summary>
    public static CgroupHost? FromManagerPaths(IReadOnlyDictionary<string, string> paths, string relative)
    {
        if (paths.Count == 0 || relative.Length == 0) return null;
        string? unified = null;
        var v1 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (controller, directory) in paths)
        {
            if (!directory.EndsWith(relative, StringComparison.Ordinal) || directory.Length == relative.Length) return null;
            string mountpoint = directory[..^relative.Length].TrimEnd('/');
            if (mountpoint.Length == 0) return null;
            if (controller.Length == 0) unified = mountpoint;
            else v1[controller] = mountpoint;
        }
        if (v1.Count == 0) return unified is null ? null : new CgroupHost(CgroupMode.V2, v1, unified, null) { _ownPath = DefaultProcCgroupPath };
        return new CgroupHost(unified is null ? CgroupMode.V1 : CgroupMode.Hybrid, v1, unified, null) { _ownPath = DefaultProcCgroupPath };
    }

    /// <summary>A pure cgroup v2 host whose single hierarchy is at <paramref name="root"/>.</summary>
    public static CgroupHost ForV2(string root) =>
        new(CgroupMode.V2, new Dictionary<string, string>(), root, new Dictionary<string, string>());

    /// <summary>A v1 host (Hybrid when <paramref name="unifiedMountpoint"/> is given): controller or "name=x" → mountpoint.</summary>
    public static CgroupHost ForV1(IDictionary<string, string> controllerMountpoints, string? unifiedMountpoint)
    {
        if (controllerMountpoints.Count == 0)
        {
            throw new CgroupException("a cgroup v1 host needs at least one controller mountpoint");
        }
        var v1 = new Dictionary<string, string>(controllerMountpoints, StringComparer.Ordinal);
        var mode = unifiedMountpoint is null ? CgroupMode.V1 : CgroupMode.Hybrid;
        return new CgroupHost(mode, v1, unifiedMountpoint, new Dictionary<string, string>());
    }

    private static Dictionary<string, string> FirstMountpointPerController(List<CgroupMount> mounts)
    {
        var v1 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (CgroupMount mount in mounts.Where(m => !m.IsUnified))
        {
            foreach (string controller in mount.Controllers)
            {
                v1.TryAdd(controller, mount.Mountpoint);
            }
        }
        return v1;
    }
}
