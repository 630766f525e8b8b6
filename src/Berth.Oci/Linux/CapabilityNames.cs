namespace Berth.Oci.Linux;

/// <summary>
/// The Linux capabilities by name and number (include/uapi/linux/capability.h), as the spec names them
/// in process.capabilities: "CAP_CHOWN" = 0 … "CAP_CHECKPOINT_RESTORE" = 40.
/// </summary>
public static class CapabilityNames
{
    /// <summary>The highest capability number this table knows (CAP_LAST_CAP of Linux 5.9+).</summary>
    public const int Last = 40;

    private static readonly string[] ByNumber =
    [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
        "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
        "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
        "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ];

    private static readonly Dictionary<string, int> ByName =
        ByNumber.Select((name, number) => (name, number)).ToDictionary(p => p.name, p => p.number, StringComparer.Ordinal);

    /// <summary>Every capability name, in number order.</summary>
    public static IReadOnlyList<string> All => ByNumber;

    /// <summary>The number of <paramref name="name"/> ("CAP_KILL" → 5); names are matched exactly, as runc does.</summary>
    public static bool TryGetNumber(string? name, out int number)
    {
        number = -1;
        return name is not null && ByName.TryGetValue(name, out number);
    }

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);

    /// <summary>The name of capability <paramref name="number"/>, or "capability N" for one newer than this table.</summary>
    public static string NameOf(int number) =>
        number >= 0 && number < ByNumber.Length ? ByNumber[number] : $"capability {number}";
}
