namespace Berth.Oci.Linux;

/// <summary>
/// The setrlimit(2) resources by spec name and number (asm-generic/resource.h, which x86, arm and
/// riscv use): "RLIMIT_CPU" = 0 … "RLIMIT_RTTIME" = 15.
/// </summary>
public static class RlimitNames
{
    private static readonly string[] ByNumber =
    [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC",
        "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE",
        "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ];

    private static readonly Dictionary<string, int> ByName =
        ByNumber.Select((name, number) => (name, number)).ToDictionary(p => p.name, p => p.number, StringComparer.Ordinal);

    /// <summary>Every rlimit name, in resource-number order.</summary>
    public static IReadOnlyList<string> All => ByNumber;

    /// <summary>The resource number for <paramref name="name"/> ("RLIMIT_NOFILE" → 7).</summary>
    public static bool TryGetResource(string? name, out int resource)
    {
        resource = -1;
        return name is not null && ByName.TryGetValue(name, out resource);
    }

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);

    /// <summary>The name of resource <paramref name="resource"/>, or "rlimit N" for one this table does not know.</summary>
    public static string NameOf(int resource) =>
        resource >= 0 && resource < ByNumber.Length ? ByNumber[resource] : $"rlimit {resource}";
}
