using Berth.Oci;

namespace Berth.Runtime.Namespaces;

/// <summary>
/// linux.namespaces turned into what nsexec.c does: the CLONE_NEW* flags for namespaces to create, and
/// the paths to setns into for namespaces to join (the user namespace first, so that joining the others
/// is allowed). Pure, so it is unit-tested.
/// </summary>
public sealed record NamespacePlan(uint CloneFlags, IReadOnlyList<(uint NsType, string Path)> Joins)
{
    public const uint CloneNewUser = 0x10000000;

    private static readonly (string Type, uint Flag)[] Known =
    [
        ("user", CloneNewUser), ("mount", 0x00020000), ("pid", 0x20000000), ("network", 0x40000000),
        ("uts", 0x04000000), ("ipc", 0x08000000), ("cgroup", 0x02000000), ("time", 0x00000080),
    ];

    public static uint FlagOf(string type) =>
        Known.FirstOrDefault(k => k.Type == type).Flag is uint f and not 0 ? f
            : throw new InvalidSpecException($"linux.namespaces: unknown namespace '{type}'");

    public static NamespacePlan FromSpec(IEnumerable<Oci.Spec.Namespace>? namespaces)
    {
        uint flags = 0;
        var joins = new List<(uint, string)>();
        foreach (var ns in (namespaces ?? []).OrderBy(n => n.Type == "user" ? 0 : 1))
        {
            uint flag = FlagOf(ns.Type);
            if (string.IsNullOrEmpty(ns.Path)) flags |= flag;
            else joins.Add((flag, ns.Path));
        }
        return new NamespacePlan(flags, joins);
    }

    /// <summary>"new: pid, mount, uts; join: network (/var/run/netns/x)" for traces.</summary>
    public string Describe()
    {
        var created = Known.Where(k => (CloneFlags & k.Flag) != 0).Select(k => $"{k.Type} (CLONE_NEW{Short(k.Type)})");
        var joined = Joins.Select(j => $"{Known.First(k => k.Flag == j.NsType).Type} ({j.Path})");
        return $"new namespaces: {string.Join(", ", created.DefaultIfEmpty("none"))}; joined: {string.Join(", ", joined.DefaultIfEmpty("none"))}";
    }

    private static string Short(string type) => type switch
    {
        "mount" => "NS",
        "network" => "NET",
        _ => type.ToUpperInvariant(),
    };
}
