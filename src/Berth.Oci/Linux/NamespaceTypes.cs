namespace Berth.Oci.Linux;

/// <summary>The namespace types of config-linux.md "linux.namespaces", with their CLONE_NEW* flags and /proc/&lt;pid&gt;/ns names.</summary>
public static class NamespaceTypes
{
    public const uint CloneNewTime = 0x00000080;
    public const uint CloneNewNs = 0x00020000;
    public const uint CloneNewCgroup = 0x02000000;
    public const uint CloneNewUts = 0x04000000;
    public const uint CloneNewIpc = 0x08000000;
    public const uint CloneNewUser = 0x10000000;
    public const uint CloneNewPid = 0x20000000;
    public const uint CloneNewNet = 0x40000000;

    public const string Cgroup = "cgroup";
    public const string Ipc = "ipc";
    public const string Mount = "mount";
    public const string Network = "network";
    public const string Pid = "pid";
    public const string Time = "time";
    public const string User = "user";
    public const string Uts = "uts";

    private static readonly NamespaceType[] Table =
    [
        new(Cgroup, CloneNewCgroup, "cgroup"),
        new(Ipc, CloneNewIpc, "ipc"),
        new(Mount, CloneNewNs, "mnt"),
        new(Network, CloneNewNet, "net"),
        new(Pid, CloneNewPid, "pid"),
        new(Time, CloneNewTime, "time"),
        new(User, CloneNewUser, "user"),
        new(Uts, CloneNewUts, "uts"),
    ];

    /// <summary>Every namespace type, sorted by spec name.</summary>
    public static IReadOnlyList<NamespaceType> All => Table;

    /// <summary>Every spec name, sorted: cgroup, ipc, mount, network, pid, time, user, uts.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToArray();

    public static bool TryGet(string? name, out NamespaceType type)
    {
        type = Table.FirstOrDefault(t => t.Name == name)!;
        return type is not null;
    }

    public static bool IsKnown(string? name) => TryGet(name, out _);

    /// <summary>The CLONE_NEW* flag of <paramref name="name"/>; an unknown name is an <see cref="InvalidSpecException"/>.</summary>
    public static uint CloneFlagOf(string name) => Get(name).CloneFlag;

    /// <summary>The /proc/&lt;pid&gt;/ns file name of <paramref name="name"/> ("mount" → "mnt").</summary>
    public static string ProcFileNameOf(string name) => Get(name).ProcFileName;

    /// <summary>The spec name for a single CLONE_NEW* flag, or null.</summary>
    public static string? NameOf(uint cloneFlag) => Table.FirstOrDefault(t => t.CloneFlag == cloneFlag)?.Name;

    private static NamespaceType Get(string name) => TryGet(name, out var type)
        ? type
        : throw new InvalidSpecException($"unknown namespace '{name}' (known: {string.Join(", ", Names)})");
}
