using Berth.Oci;
using Berth.Oci.Linux;

namespace Berth.Runtime.Namespaces;

/// <summary>
/// linux.namespaces turned into what nsexec.c does: the CLONE_NEW* flags for namespaces to create, and
/// the paths to setns into for namespaces to join (the user namespace first, so that joining the others
/// is allowed). Pure, so it is unit-tested.
/// </summary>
public sealed record NamespacePlan(uint CloneFlags, IReadOnlyList<(uint NsType, string Path)> Joins)
{
    public const uint CloneNewUser = NamespaceTypes.CloneNewUser;

    public static NamespacePlan FromSpec(IEnumerable<Oci.Spec.Namespace>? namespaces)
    {
        uint flags = 0;
        var joins = new List<(uint, string)>();
        foreach (var ns in (namespaces ?? []).OrderBy(n => n.Type == NamespaceTypes.User ? 0 : 1))
        {
            if (!NamespaceTypes.TryGet(ns.Type, out NamespaceType type))
            {
                throw new InvalidSpecException($"linux.namespaces: unknown namespace '{ns.Type}'");
            }
            if (string.IsNullOrEmpty(ns.Path)) flags |= type.CloneFlag;
            else joins.Add((type.CloneFlag, ns.Path));
        }
        return new NamespacePlan(flags, joins);
    }

    /// <summary>
    /// For `exec`: join every namespace the container has, through /proc/&lt;init pid&gt;/ns/&lt;type&gt;, creating
    /// none. The user namespace comes first (joining the others needs its capabilities) and the mount
    /// namespace last; nsexec.c opens all paths before the first setns.
    /// </summary>
    public static NamespacePlan ForExec(IEnumerable<Oci.Spec.Namespace>? namespaces, int initPid)
    {
        var joins = new List<(uint, string)>();
        foreach (var ns in (namespaces ?? []).OrderBy(n => n.Type switch { NamespaceTypes.User => 0, NamespaceTypes.Mount => 2, _ => 1 }))
        {
            if (!NamespaceTypes.TryGet(ns.Type, out NamespaceType type))
            {
                throw new InvalidSpecException($"linux.namespaces: unknown namespace '{ns.Type}'");
            }
            if (joins.Any(j => j.Item1 == type.CloneFlag)) continue;
            joins.Add((type.CloneFlag, $"/proc/{initPid}/ns/{type.ProcFileName}"));
        }
        return new NamespacePlan(0, joins);
    }

    /// <summary>"new namespaces: pid (CLONE_NEWPID), ...; joined: network (/var/run/netns/x)" for traces.</summary>
    public string Describe()
    {
        var created = NamespaceTypes.All.Where(t => (CloneFlags & t.CloneFlag) != 0).Select(t => $"{t.Name} (CLONE_NEW{FlagSuffix(t.Name)})");
        var joined = Joins.Select(j => $"{NamespaceTypes.NameOf(j.NsType)} ({j.Path})");
        return $"new namespaces: {string.Join(", ", created.DefaultIfEmpty("none"))}; joined: {string.Join(", ", joined.DefaultIfEmpty("none"))}";
    }

    private static string FlagSuffix(string type) => type switch
    {
        NamespaceTypes.Mount => "NS",
        NamespaceTypes.Network => "NET",
        _ => type.ToUpperInvariant(),
    };
}
