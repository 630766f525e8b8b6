using System.Globalization;
using Berth.Oci;
using Berth.Oci.Spec;

namespace Berth.RuntimeCli;

/// <summary>
/// runc update's resource flags turned into a <see cref="Resources"/> holding only what was given (so the
/// rest of the cgroup is left alone). Sizes take runc's units: 100, 64k, 512m, 2g (powers of 1024); -1 is unlimited.
/// </summary>
public static class UpdateFlags
{
    public static readonly string[] Names =
        ["memory", "memory-reservation", "memory-swap", "kernel-memory", "kernel-memory-tcp", "cpu-shares", "cpu-quota",
         "cpu-period", "cpu-rt-period", "cpu-rt-runtime", "cpuset-cpus", "cpuset-mems", "pids-limit", "blkio-weight", "l3-cache-schema", "mem-bw-schema"];

    public static Resources Apply(Resources r, Func<string, string?> get)
    {
        if (get("memory") is { } m) (r.Memory ??= new()).Limit = Size(m, "memory");
        if (get("memory-reservation") is { } mr) (r.Memory ??= new()).Reservation = Size(mr, "memory-reservation");
        if (get("memory-swap") is { } ms) (r.Memory ??= new()).Swap = Size(ms, "memory-swap");
        if (get("cpu-shares") is { } cs) (r.Cpu ??= new()).Shares = (ulong)Number(cs, "cpu-shares", 0);
        if (get("cpu-quota") is { } cq) (r.Cpu ??= new()).Quota = Number(cq, "cpu-quota", -1);
        if (get("cpu-period") is { } cp) (r.Cpu ??= new()).Period = (ulong)Number(cp, "cpu-period", 0);
        if (get("cpu-rt-period") is { } rp) (r.Cpu ??= new()).RealtimePeriod = (ulong)Number(rp, "cpu-rt-period", 0);
        if (get("cpu-rt-runtime") is { } rr) (r.Cpu ??= new()).RealtimeRuntime = Number(rr, "cpu-rt-runtime", -1);
        if (get("cpuset-cpus") is { } cc) (r.Cpu ??= new()).Cpus = cc;
        if (get("cpuset-mems") is { } cm) (r.Cpu ??= new()).Mems = cm;
        if (get("pids-limit") is { } pl) r.Pids = new Pids { Limit = Number(pl, "pids-limit", -1) };
        if (get("blkio-weight") is { } bw) (r.BlockIO ??= new()).Weight = (ushort)Math.Min(Number(bw, "blkio-weight", 0), ushort.MaxValue);
        return r;
    }

    /// <summary>"512m" → 536870912 (<see cref="ByteSize"/>, as runc's go-units); "-1" → -1.</summary>
    public static long Size(string text, string flag)
    {
        if (text.Trim() == "-1") return -1;
        try
        {
            return ByteSize.Parse(text);
        }
        catch (FormatException)
        {
            throw new UsageException($"update --{flag} '{text}': expected a size such as 100, 64k, 512m or 2g (or -1)");
        }
    }

    private static long Number(string text, string flag, long min)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) || n < min)
        {
            throw new UsageException($"update --{flag} '{text}': expected a whole number{(min < 0 ? " (or -1)" : "")}");
        }
        return n;
    }
}
