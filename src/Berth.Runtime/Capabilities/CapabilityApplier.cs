using Berth.Runtime.Interop;
using Berth.Runtime.Tracing;

namespace Berth.Runtime.Capabilities;

/// <summary>
/// Applies capabilities in the order the kernel requires (capabilities(7)): drop from the bounding set
/// while still privileged, keep capabilities across the uid change, capset the three thread sets, then
/// raise the ambient ones. capset affects only the calling thread, so this runs on the thread that execs.
/// </summary>
internal static unsafe class CapabilityApplier
{
    private const int PR_CAPBSET_DROP = 24, PR_SET_KEEPCAPS = 8, PR_CAP_AMBIENT = 47;
    private const ulong PR_CAP_AMBIENT_RAISE = 2, PR_CAP_AMBIENT_CLEAR_ALL = 4;
    private const uint LinuxCapabilityVersion3 = 0x20080522;

    internal static int LastCap()
    {
        string text = File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim();
        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static void DropBounding(CapabilitySet set)
    {
        int last = LastCap();
        var dropped = new List<string>();
        for (int cap = 0; cap <= last; cap++)
        {
            if ((set.Bounding & (1UL << cap)) != 0) continue;
            Sys.Prctl(PR_CAPBSET_DROP, (ulong)cap, $"drop capability {cap} from the bounding set");
            dropped.Add(cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Trace.Step($"bounding set: dropped {dropped.Count} capabilities, kept {CapabilitySet.Describe(set.Bounding)}");
    }

    internal static void KeepCapsAcrossSetuid(bool keep) =>
        Sys.Prctl(PR_SET_KEEPCAPS, keep ? 1UL : 0UL, "prctl PR_SET_KEEPCAPS");

    internal static void SetThreadSets(CapabilitySet set)
    {
        Trace.Step($"capset: effective {CapabilitySet.Describe(set.Effective)}; permitted {CapabilitySet.Describe(set.Permitted)}; inheritable {CapabilitySet.Describe(set.Inheritable)}");
        uint* header = stackalloc uint[2];
        header[0] = LinuxCapabilityVersion3;
        header[1] = 0;
        uint* data = stackalloc uint[6];
        data[0] = (uint)set.Effective; data[1] = (uint)set.Permitted; data[2] = (uint)set.Inheritable;
        data[3] = (uint)(set.Effective >> 32); data[4] = (uint)(set.Permitted >> 32); data[5] = (uint)(set.Inheritable >> 32);
        if (Libc.syscall(SyscallNumbers.Capset, (long)header, (long)data, 0, 0, 0) < 0)
        {
            throw Sys.Error("capset");
        }
    }

    internal static void SetAmbient(CapabilitySet set)
    {
        Sys.Prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, "clear the ambient capabilities");
        foreach (int cap in CapabilitySet.Bits(set.Ambient))
        {
            if (Libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, (ulong)cap, 0, 0) < 0)
            {
                throw Sys.Error($"raise ambient capability {cap}");
            }
        }
        if (set.Ambient != 0) Trace.Step($"ambient: {CapabilitySet.Describe(set.Ambient)}");
    }
}
