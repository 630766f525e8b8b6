using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>cpuset (v2): linux.resources.cpu.cpus → cpuset.cpus, .mems → cpuset.mems (v2 inherits the parent's when empty).</summary>
internal static class V2Cpuset
{
    public static void Set(V2Files files, Cpu? cpu)
    {
        if (cpu?.Cpus is { Length: > 0 } cpus)
        {
            files.Write("cpuset.cpus", cpus);
        }
        if (cpu?.Mems is { Length: > 0 } mems)
        {
            files.Write("cpuset.mems", mems);
        }
    }
}
