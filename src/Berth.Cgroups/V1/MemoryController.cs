using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// memory (v1): limit → memory.limit_in_bytes, swap (memory+swap in total, as the OCI spec defines it) →
/// memory.memsw.limit_in_bytes, reservation → memory.soft_limit_in_bytes, swappiness → memory.swappiness,
/// disableOOMKiller → memory.oom_control, useHierarchy → memory.use_hierarchy. -1 means unlimited, 0 "not set".
/// kernel and kernelTCP (kmem limits) are deprecated and ignored, as runc does. Only fields present are written,
/// so the same call serves <c>update</c>.
/// </summary>
internal sealed partial class MemoryController : V1Controller
{
    private const string Limit = "memory.limit_in_bytes";
    private const string MemSw = "memory.memsw.limit_in_bytes";
    private const string SoftLimit = "memory.soft_limit_in_bytes";
    private const string Swappiness = "memory.swappiness";
    private const string OomControl = "memory.oom_control";
    private const string Field = "linux.resources.memory";

    public MemoryController(string mountpoint, string relative, CgroupFs fs)
        : base("memory", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.Memory is not Memory memory)
        {
            return;
        }
        if (memory.CheckBeforeUpdate == true)
        {
            MemoryUsageCheck.Require(memory.Limit ?? 0, memory.Swap ?? 0, StatFiles.Unsigned("memory.usage_in_bytes"),
                StatFiles.Unsigned("memory.memsw.usage_in_bytes"));
        }
        SetLimitAndSwap(memory.Limit ?? 0, memory.Swap ?? 0);
        if (memory.Reservation is long reservation && reservation != 0)
        {
            Write(SoftLimit, reservation);
        }
        SetSwappiness(memory.Swappiness);
        if (memory.DisableOOMKiller == true)
        {
            Write(OomControl, "1");
        }
        if (memory.UseHierarchy is bool useHierarchy)
        {
            Write("memory.use_hierarchy", useHierarchy ? "1" : "0");
        }
        TraceIgnoredKernelLimits(memory);
    }

    /// <summary>
    /// The kernel keeps memsw.limit >= limit at every step: a new limit above the current memsw limit is refused
    /// (EINVAL) until memsw is raised, and a memsw below the current limit is refused until the limit is lowered.
    /// So when the new limit exceeds the current memsw limit (or swap becomes unlimited) swap goes first, else the limit.
    /// </summary>
    private void SetLimitAndSwap(long limit, long swap)
    {
        swap = EffectiveSwap(limit, swap);
        RequireConsistent(limit, swap);
        bool swapFirst = limit != 0 && swap != 0 && (swap == -1 || AsUnsigned(limit) > ReadUnsigned(MemSw));
        if (swapFirst)
        {
            Write(MemSw, swap);
            WriteLimit(limit);
            return;
        }
        if (limit != 0)
        {
            WriteLimit(limit);
        }
        if (swap != 0)
        {
            Write(MemSw, swap);
        }
    }

    /// <summary>
    /// EBUSY: the kernel could not reclaim down to the new limit (usage is above it), reported with the usage like runc.
    /// EINVAL: the limit would exceed memory.memsw.limit_in_bytes (an update of the limit alone).
    /// </summary>
    private void WriteLimit(long limit)
    {
        try
        {
            Write(Limit, limit);
        }
        catch (CgroupException e) when (e.Errno == Errno.EBUSY)
        {
            throw new CgroupException($"{e.Message} (cannot set {Field}.limit to {limit}: current usage "
                + $"{StatFiles.Unsigned("memory.usage_in_bytes")}, peak usage {StatFiles.Unsigned("memory.max_usage_in_bytes")})", e.Errno, e);
        }
        catch (CgroupException e) when (e.Errno == Errno.EINVAL && Exists(MemSw))
        {
            throw new CgroupException($"{e.Message} ({Limit} may not exceed {MemSw}, now {Read(MemSw)}: "
                + $"give {Field}.swap too, at least as high as the limit)", e.Errno, e);
        }
    }

    /// <summary>Like runc: an unlimited memory limit without a swap value makes swap unlimited too (when the kernel accounts swap).</summary>
    private long EffectiveSwap(long limit, long swap)
    {
        bool accountsSwap = Exists(MemSw);
        if (limit == -1 && swap == 0)
        {
            return accountsSwap ? -1 : 0;
        }
        if (swap == 0 || accountsSwap)
        {
            return swap;
        }
        if (swap == -1)
        {
            Fs.Trace($"{PathOf(MemSw)} does not exist (no swap accounting): swap is already unlimited");
            return 0;
        }
        throw new CgroupException(
            $"{PathOf(MemSw)} does not exist: {Field}.swap needs swap accounting (boot the kernel with swapaccount=1)", Errno.ENOENT, null);
    }

    private static void RequireConsistent(long limit, long swap)
    {
        if (limit < -1 || swap < -1)
        {
            throw new CgroupException($"{Field}: limit {limit} and swap {swap} must be positive, -1 (unlimited) or 0 (not set)");
        }
        if (swap != 0 && limit != 0 && AsUnsigned(swap) < AsUnsigned(limit))
        {
            throw new CgroupException($"{Field}.swap ({swap}) is memory+swap and must be >= {Field}.limit ({limit})");
        }
    }

    private void SetSwappiness(ulong? swappiness)
    {
        // -1 in the JSON ends up as ulong.MaxValue: "leave the kernel's value".
        if (swappiness is not ulong value || value == ulong.MaxValue)
        {
            return;
        }
        if (value > 100)
        {
            throw new CgroupException($"{Field}.swappiness {value} is out of range: use 0-100");
        }
        Write(Swappiness, value);
    }

    /// <summary>Kernel memory limits were deprecated in Linux 5.4 and removed in 6.x; runc ignores them too.</summary>
    private void TraceIgnoredKernelLimits(Memory memory)
    {
        if (memory.Kernel is long kernel && kernel != 0)
        {
            Fs.Trace($"{Field}.kernel {kernel} ignored: kernel memory limits are deprecated");
        }
        if (memory.KernelTCP is long tcp && tcp != 0)
        {
            Fs.Trace($"{Field}.kernelTCP {tcp} ignored: kernel memory limits are deprecated");
        }
    }

    private static ulong AsUnsigned(long value) => value == -1 ? ulong.MaxValue : (ulong)value;
}
