using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// memory (v2): limit → memory.max, reservation → memory.low, swap → memory.swap.max. The OCI swap value is
/// memory+swap (the v1 meaning); cgroup2 limits swap alone, so memory.swap.max = swap - limit (runc and crun
/// do the same), -1 → "max". Swappiness, disableOOMKiller and useHierarchy have no cgroup2 file (v2 is always
/// hierarchical) and kernel/kernelTCP are deprecated: all ignored (traced), as runc does. checkBeforeUpdate refuses a
/// limit not above the current usage (memory.current, memory.swap.current), since cgroup2 would OOM-kill instead.
/// </summary>
internal static class V2Memory
{
    private const string Field = "linux.resources.memory";

    public static void Set(V2Files files, Memory? memory)
    {
        if (memory is null)
        {
            return;
        }
        long limit = memory.Limit ?? 0;
        long swap = memory.Swap ?? 0;
        long swapMax = SwapMax(limit, swap);
        if (memory.CheckBeforeUpdate == true)
        {
            ulong usage = ReadUsage(files, "memory.current");
            MemoryUsageCheck.Require(limit, swap, usage, usage + ReadUsage(files, "memory.swap.current"));
        }
        SetSwap(files, swapMax, swap);
        if (Format(limit) is string max)
        {
            files.Write("memory.max", max);
        }
        if (Format(memory.Reservation ?? 0) is string low)
        {
            files.Write("memory.low", low);
        }
        TraceIgnored(files, memory);
    }

    /// <summary>memory+swap (OCI, v1) → swap alone (v2). 0 = not set, -1 = unlimited.</summary>
    internal static long SwapMax(long limit, long swap)
    {
        if (limit == -1 && swap == 0)
        {
            return -1; // unlimited memory without a swap value: swap unlimited too
        }
        if (swap is -1 or 0)
        {
            return swap;
        }
        if (limit is 0 or -1)
        {
            throw new CgroupException($"{Field}.swap ({swap}) needs {Field}.limit to be set: swap in the spec is memory+swap");
        }
        if (limit < 0 || swap < limit)
        {
            throw new CgroupException($"{Field}.swap ({swap}) is memory+swap and must be >= {Field}.limit ({limit})");
        }
        return swap - limit;
    }

    /// <summary>Swap first, as runc does. Never writes "" (that means 0); swap == limit writes 0 (no swap).
    /// Without swap accounting the file is missing: fine for "max" and "0", an error otherwise.</summary>
    private static void SetSwap(V2Files files, long swapMax, long requestedSwap)
    {
        string? value = Format(swapMax) ?? (requestedSwap > 0 ? "0" : null);
        if (value is null)
        {
            return;
        }
        if (value is "max" or "0" && !files.Exists("memory.swap.max") && files.Exists("memory.max"))
        {
            files.Fs.Trace($"{files.PathOf("memory.swap.max")} does not exist (no swap accounting): {value} skipped");
            return;
        }
        files.Write("memory.swap.max", value);
    }

    private static string? Format(long value) => value switch
    {
        0 => null,
        -1 => "max",
        < 0 => throw new CgroupException($"{Field}: {value} is not a size; use a positive number, -1 (unlimited) or 0 (not set)"),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static void TraceIgnored(V2Files files, Memory memory)
    {
        if (memory.Swappiness is ulong swappiness && swappiness != ulong.MaxValue)
        {
            files.Fs.Trace($"{Field}.swappiness {swappiness} ignored: cgroup v2 has no memory.swappiness");
        }
        if (memory.DisableOOMKiller == true)
        {
            files.Fs.Trace($"{Field}.disableOOMKiller ignored: cgroup v2 cannot disable the OOM killer");
        }
        if (memory.UseHierarchy is not null)
        {
            files.Fs.Trace($"{Field}.useHierarchy ignored: cgroup v2 is always hierarchical");
        }
        if (memory.Kernel is long kernel && kernel != 0)
        {
            files.Fs.Trace($"{Field}.kernel {kernel} ignored: kernel memory limits are deprecated");
        }
        if (memory.KernelTCP is long tcp && tcp != 0)
        {
            files.Fs.Trace($"{Field}.kernelTCP {tcp} ignored: kernel memory limits are deprecated");
        }
    }

    /// <summary>Best effort, like runc: a cgroup without the file (no swap accounting) counts as using nothing.</summary>
    private static ulong ReadUsage(V2Files files, string file) =>
        files.Exists(file) ? Stats.StatText.Unsigned(files.Fs.Read(files.PathOf(file)), files.PathOf(file)) : 0;
}
