using Berth.Oci.Linux;
using Berth.Oci.Spec;
using LinuxConfig = Berth.Oci.Spec.Linux;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci;

/// <summary>
/// The config.json that <c>spec</c> writes: runc's <c>specconv.Example()</c> with hostname "berth" and
/// a cgroup namespace always (runc adds it only on cgroup v2 hosts; this stays pure). Every list is a
/// fresh mutable <see cref="List{T}"/>, so callers can edit the result.
/// </summary>
public static class DefaultSpec
{
    private static readonly string[] DefaultCapabilities = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];

    private static readonly string[] MaskedPaths =
    [
        "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi", "/sys/devices/virtual/powercap",
    ];

    private static readonly string[] ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    public static OciSpec Create() => new()
    {
        OciVersion = SpecVersion.Current,
        Root = new Root { Path = "rootfs", Readonly = true },
        Process = CreateProcess(),
        Hostname = "berth",
        Mounts = CreateMounts(),
        Linux = CreateLinux(),
    };

    /// <summary>
    /// What <c>spec --rootless</c> changes, as runc's <c>specconv.ToRootless</c>: a user namespace mapping
    /// container root to the host ids given, no network namespace, /sys bound from the host (rbind), no
    /// uid=/gid= mount options (those ids are not mapped), and no cgroup resources. Unlike runc it also
    /// drops the /sys/fs/cgroup mount: the rbind of /sys already shows the host's cgroup tree.
    /// </summary>
    public static void MakeRootless(OciSpec spec, uint hostUid, uint hostGid)
    {
        var linux = spec.Linux ??= new LinuxConfig();
        linux.Namespaces = (linux.Namespaces ?? [])
            .Where(ns => ns.Type is not (NamespaceTypes.Network or NamespaceTypes.User))
            .Append(new Namespace { Type = NamespaceTypes.User })
            .ToList();
        linux.UidMappings = [new IdMapping { ContainerID = 0, HostID = hostUid, Size = 1 }];
        linux.GidMappings = [new IdMapping { ContainerID = 0, HostID = hostGid, Size = 1 }];
        linux.Resources = null;
        spec.Mounts = spec.Mounts?.Where(m => !IsCgroupMount(m)).Select(RootlessMount).ToList();
    }

    private static Process CreateProcess() => new()
    {
        Terminal = true,
        User = new User { Uid = 0, Gid = 0 },
        Args = ["sh"],
        Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
        Cwd = "/",
        NoNewPrivileges = true,
        Capabilities = new Capabilities
        {
            Bounding = [.. DefaultCapabilities],
            Effective = [.. DefaultCapabilities],
            Permitted = [.. DefaultCapabilities],
        },
        Rlimits = [new Rlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 1024 }],
    };

    private static List<Mount> CreateMounts() =>
    [
        NewMount("/proc", "proc", "proc"),
        NewMount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
        NewMount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
        NewMount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"),
        NewMount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
        NewMount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
        NewMount("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "noexec", "nodev", "relatime", "ro"),
    ];

    private static LinuxConfig CreateLinux() => new()
    {
        MaskedPaths = [.. MaskedPaths],
        ReadonlyPaths = [.. ReadonlyPaths],
        Resources = new Resources { Devices = [new DeviceCgroup { Allow = false, Access = "rwm" }] },
        Namespaces =
        [
            new Namespace { Type = NamespaceTypes.Pid },
            new Namespace { Type = NamespaceTypes.Network },
            new Namespace { Type = NamespaceTypes.Ipc },
            new Namespace { Type = NamespaceTypes.Uts },
            new Namespace { Type = NamespaceTypes.Mount },
            new Namespace { Type = NamespaceTypes.Cgroup },
        ],
    };

    private static Mount NewMount(string destination, string type, string source, params string[] options) => new()
    {
        Destination = destination,
        Type = type,
        Source = source,
        Options = options.Length == 0 ? null : [.. options],
    };

    private static bool IsCgroupMount(Mount m) => CleanDestination(m) == "/sys/fs/cgroup";

    private static Mount RootlessMount(Mount m) => CleanDestination(m) == "/sys"
        ? NewMount("/sys", "none", "/sys", "rbind", "nosuid", "noexec", "nodev", "ro")
        : new Mount
        {
            Destination = m.Destination,
            Type = m.Type,
            Source = m.Source,
            Options = m.Options?.Where(o => !o.StartsWith("uid=", StringComparison.Ordinal) && !o.StartsWith("gid=", StringComparison.Ordinal)).ToList(),
            UidMappings = m.UidMappings,
            GidMappings = m.GidMappings,
        };

    private static string CleanDestination(Mount m) => m.Destination.Length > 1 ? m.Destination.TrimEnd('/') : m.Destination;
}
