using System.Globalization;
using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// cpu (v1): shares → cpu.shares; period/quota → cpu.cfs_period_us/cpu.cfs_quota_us; burst → cpu.cfs_burst_us;
/// realtimePeriod/realtimeRuntime → cpu.rt_period_us/cpu.rt_runtime_us; idle → cpu.idle. 0 means "not set".
/// Burst and idle of 0 (the kernel default) are skipped when the kernel lacks the file; the real-time files exist
/// only with CONFIG_RT_GROUP_SCHED. Statistics: CFS throttling from cpu.stat.
/// </summary>
internal sealed class CpuController : V1Controller
{
    private const string Shares = "cpu.shares";

    public CpuController(string mountpoint, string relative, CgroupFs fs)
        : base("cpu", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.Cpu is not Cpu cpu)
        {
            return;
        }
        if (cpu.Shares is ulong shares && shares != 0)
        {
            SetShares(shares);
        }
        SetPeriodThenValue("cpu.cfs_period_us", NonZero(cpu.Period), "cpu.cfs_quota_us", NonZero(cpu.Quota));
        if (cpu.Burst is ulong burst)
        {
            WriteUnlessDefaultAndMissing("cpu.cfs_burst_us", burst, burst == 0);
        }
        SetPeriodThenValue("cpu.rt_period_us", NonZero(cpu.RealtimePeriod), "cpu.rt_runtime_us", NonZero(cpu.RealtimeRuntime));
        if (cpu.Idle is long idle)
        {
            WriteUnlessDefaultAndMissing("cpu.idle", idle.ToString(CultureInfo.InvariantCulture), idle == 0);
        }
    }

    public override void AddStats(CgroupStats stats)
    {
        Dictionary<string, ulong> stat = StatFiles.FlatKeyed("cpu.stat");
        stats.Cpu.Throttling.Periods = stat.GetValueOrDefault("nr_periods");
        stats.Cpu.Throttling.ThrottledPeriods = stat.GetValueOrDefault("nr_throttled");
        stats.Cpu.Throttling.ThrottledTime = stat.GetValueOrDefault("throttled_time");
    }

    protected override string HintForMissing(string file) => file.StartsWith("cpu.rt_", StringComparison.Ordinal)
        ? $"this kernel has no {file}: real-time group scheduling (CONFIG_RT_GROUP_SCHED) is off; remove linux.resources.cpu.realtimeRuntime/realtimePeriod"
        : base.HintForMissing(file);

    private void WriteUnlessDefaultAndMissing(string file, ulong value, bool isDefault) =>
        WriteUnlessDefaultAndMissing(file, value.ToString(CultureInfo.InvariantCulture), isDefault);

    private void WriteUnlessDefaultAndMissing(string file, string value, bool isDefault)
    {
        if (isDefault && !Exists(file))
        {
            Fs.Trace($"{PathOf(file)} does not exist: {value} is the kernel default, skipped");
            return;
        }
        Write(file, value);
    }

    /// <summary>The kernel clamps cpu.shares to [2, 262144]; read it back so a clamped value is an error, not a surprise.</summary>
    private void SetShares(ulong shares)
    {
        Write(Shares, shares);
        ulong taken = ReadUnsigned(Shares);
        if (taken != shares)
        {
            string bound = shares > taken ? "maximum" : "minimum";
            throw new CgroupException($"linux.resources.cpu.shares {shares}: the {bound} {PathOf(Shares)} takes is {taken}");
        }
    }

    /// <summary>
    /// Period first, so the quota (or runtime) is checked against the new period. Lowering the period can be
    /// refused (EINVAL) because old value / new period would exceed the parent's limit; when a value is also
    /// being written, write it and then retry the period, as runc does.
    /// </summary>
    private void SetPeriodThenValue(string periodFile, string? period, string valueFile, string? value)
    {
        bool retryPeriod = false;
        if (period is not null)
        {
            try
            {
                Write(periodFile, period);
            }
            catch (CgroupException e) when (e.Errno == Errno.EINVAL && value is not null)
            {
                Fs.Trace($"{PathOf(periodFile)} refused {period} before {valueFile} is set: retrying after it");
                retryPeriod = true;
            }
        }
        if (value is not null)
        {
            WriteValue(valueFile, value);
        }
        if (retryPeriod)
        {
            Write(periodFile, period!);
        }
    }

    /// <summary>A real-time runtime must fit in what the parent cgroup grants (its cpu.rt_runtime_us), else EINVAL.</summary>
    private void WriteValue(string file, string value)
    {
        try
        {
            Write(file, value);
        }
        catch (CgroupException e) when (e.Errno == Errno.EINVAL && file == "cpu.rt_runtime_us")
        {
            string parent = Path.GetDirectoryName(Directory) ?? Directory;
            throw new CgroupException($"{e.Message} (the runtime must fit in the period and in what {parent}/cpu.rt_runtime_us "
                + "grants to its children: raise it there first)", e.Errno, e);
        }
    }

    private static string? NonZero(ulong? value) => value is ulong v && v != 0 ? v.ToString(CultureInfo.InvariantCulture) : null;

    private static string? NonZero(long? value) => value is long v && v != 0 ? v.ToString(CultureInfo.InvariantCulture) : null;
}
