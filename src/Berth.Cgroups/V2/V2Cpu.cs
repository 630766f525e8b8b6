using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// cpu (v2): shares → cpu.weight (<see cref="CpuWeight"/>), idle → cpu.idle, quota/period → cpu.max
/// ("&lt;quota|max&gt; [period]"), burst → cpu.max.burst. Real-time limits have no cgroup2 file and are refused.
/// </summary>
internal static class V2Cpu
{
    public static void Set(V2Files files, Cpu? cpu)
    {
        if (cpu is null)
        {
            return;
        }
        RequireNoRealtime(cpu);
        if (cpu.Idle is long idle)
        {
            files.Write("cpu.idle", idle);
        }
        if (cpu.Shares is ulong shares && shares != 0)
        {
            files.Write("cpu.weight", CpuWeight.FromShares(shares));
        }
        if (CpuMax(cpu.Quota ?? 0, cpu.Period ?? 0) is string max)
        {
            files.Write("cpu.max", max);
        }
        if (cpu.Burst is ulong burst)
        {
            files.Write("cpu.max.burst", burst);
        }
    }

    /// <summary>Like runc: a positive quota or "max", followed by the period when one is given; null when neither is set.</summary>
    internal static string? CpuMax(long quota, ulong period)
    {
        if (quota == 0 && period == 0)
        {
            return null;
        }
        string value = quota > 0 ? quota.ToString(CultureInfo.InvariantCulture) : "max";
        return period != 0 ? $"{value} {period.ToString(CultureInfo.InvariantCulture)}" : value;
    }

    private static void RequireNoRealtime(Cpu cpu)
    {
        if ((cpu.RealtimeRuntime is long runtime && runtime != 0) || (cpu.RealtimePeriod is ulong period && period != 0))
        {
            throw new CgroupException("linux.resources.cpu.realtimeRuntime/realtimePeriod: cgroup v2 has no real-time limits; remove them");
        }
    }
}
