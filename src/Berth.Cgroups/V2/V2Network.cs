using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// linux.resources.network on cgroup v2: net_cls and net_prio exist only on v1 (v2 classifies traffic with BPF
/// programs and iptables' "-m cgroup --path"). runc ignores the field on v2; so does Berth, with a trace line.
/// </summary>
internal static class V2Network
{
    public static void Set(V2Files files, Network? network)
    {
        if (network?.ClassID is > 0 || network?.Priorities is { Count: > 0 })
        {
            files.Fs.Trace("linux.resources.network ignored: net_cls and net_prio exist only on cgroup v1");
        }
    }
}
