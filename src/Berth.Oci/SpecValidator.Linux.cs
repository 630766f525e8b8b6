using Berth.Oci.Linux;
using Berth.Oci.Spec;
using LinuxConfig = Berth.Oci.Spec.Linux;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci;

/// <summary>The "linux" rules: rootfsPropagation, namespaces, user-namespace mappings, devices, seccomp (SpecValidator.Seccomp.cs); and hostname needing a uts namespace.</summary>
public static partial class SpecValidator
{
    private static readonly string[] DeviceTypes = ["c", "b", "u", "p"];

    private static void CheckLinux(LinuxConfig? linux)
    {
        if (linux is null) return;
        CheckRootfsPropagation(linux.RootfsPropagation);
        CheckNamespaces(linux.Namespaces);
        CheckUserNamespace(linux);
        CheckDevices(linux.Devices);
        CheckSeccomp(linux.Seccomp);
    }

    private static void CheckRootfsPropagation(string? propagation)
    {
        if (!string.IsNullOrEmpty(propagation) && !RootfsPropagation.IsKnown(propagation))
        {
            throw new InvalidSpecException(
                $"linux.rootfsPropagation: must be one of {string.Join(", ", RootfsPropagation.Known)}, got '{propagation}'");
        }
    }

    private static void CheckNamespaces(List<Namespace>? namespaces)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < (namespaces?.Count ?? 0); i++)
        {
            string field = $"linux.namespaces[{i}]";
            var ns = Entry(namespaces![i], field);
            if (!NamespaceTypes.IsKnown(ns.Type))
            {
                throw new InvalidSpecException(
                    $"{field}.type: unknown namespace '{ns.Type}' (known: {string.Join(", ", NamespaceTypes.Names)})");
            }
            if (!seen.TryAdd(ns.Type, i))
            {
                throw new InvalidSpecException($"{field}.type: duplicate namespace '{ns.Type}' (first at linux.namespaces[{seen[ns.Type]}])");
            }
            if (!string.IsNullOrEmpty(ns.Path)) CheckAbsolute(ns.Path, field + ".path");
        }
    }

    /// <summary>Mappings need a user namespace, and a new user namespace (no path to join) needs both mappings.</summary>
    private static void CheckUserNamespace(LinuxConfig linux)
    {
        int index = linux.Namespaces?.FindIndex(ns => ns.Type == NamespaceTypes.User) ?? -1;
        bool hasUid = linux.UidMappings is { Count: > 0 };
        bool hasGid = linux.GidMappings is { Count: > 0 };
        if (index < 0)
        {
            if (hasUid || hasGid)
            {
                string field = hasUid ? "linux.uidMappings" : "linux.gidMappings";
                throw new InvalidSpecException($"{field}: set, but linux.namespaces has no user namespace");
            }
            return;
        }
        if (!string.IsNullOrEmpty(linux.Namespaces![index].Path)) return;
        if (!hasUid || !hasGid)
        {
            string field = hasUid ? "linux.gidMappings" : "linux.uidMappings";
            throw new InvalidSpecException($"{field}: missing, but linux.namespaces[{index}] creates a user namespace (it needs uid and gid mappings)");
        }
        CheckMappings(linux.UidMappings!, "linux.uidMappings");
        CheckMappings(linux.GidMappings!, "linux.gidMappings");
    }

    /// <summary>What the kernel accepts in uid_map/gid_map (user_namespaces(7)): non-empty ranges, no overlap on either side, at most 340 lines.</summary>
    private static void CheckMappings(List<IdMapping> maps, string field)
    {
        if (maps.Count > 340) throw new InvalidSpecException($"{field}: {maps.Count} ranges; the kernel takes at most 340");
        for (int i = 0; i < maps.Count; i++)
        {
            var m = maps[i];
            if (m.Size == 0) throw new InvalidSpecException($"{field}[{i}].size: must be at least 1");
            if ((ulong)m.ContainerID + m.Size > uint.MaxValue || (ulong)m.HostID + m.Size > uint.MaxValue)
            {
                throw new InvalidSpecException($"{field}[{i}]: the range passes the largest id (4294967294)");
            }
            for (int j = 0; j < i; j++)
            {
                if (Overlap(maps[j].ContainerID, maps[j].Size, m.ContainerID, m.Size))
                {
                    throw new InvalidSpecException($"{field}[{i}]: container ids {m.ContainerID}..{m.ContainerID + m.Size - 1} overlap {field}[{j}]");
                }
                if (Overlap(maps[j].HostID, maps[j].Size, m.HostID, m.Size))
                {
                    throw new InvalidSpecException($"{field}[{i}]: host ids {m.HostID}..{m.HostID + m.Size - 1} overlap {field}[{j}]");
                }
            }
        }
    }

    private static bool Overlap(uint a, uint aSize, uint b, uint bSize) => (ulong)a < (ulong)b + bSize && (ulong)b < (ulong)a + aSize;

    private static void CheckDevices(List<Device>? devices)
    {
        for (int i = 0; i < (devices?.Count ?? 0); i++)
        {
            string field = $"linux.devices[{i}]";
            var device = Entry(devices![i], field);
            if (!DeviceTypes.Contains(device.Type))
            {
                throw new InvalidSpecException($"{field}.type: must be one of {string.Join(", ", DeviceTypes)}, got '{device.Type}'");
            }
            CheckAbsolute(device.Path, field + ".path");
        }
    }

    /// <summary>Without a uts namespace, setting the hostname would change the host's (runc refuses too).</summary>
    private static void CheckHostnames(OciSpec spec)
    {
        bool hasUts = spec.Linux?.Namespaces?.Any(ns => ns?.Type == NamespaceTypes.Uts) == true;
        if (hasUts) return;
        if (!string.IsNullOrEmpty(spec.Hostname))
        {
            throw new InvalidSpecException($"hostname: set to '{spec.Hostname}', but linux.namespaces has no uts namespace");
        }
        if (!string.IsNullOrEmpty(spec.Domainname))
        {
            throw new InvalidSpecException($"domainname: set to '{spec.Domainname}', but linux.namespaces has no uts namespace");
        }
    }
}
