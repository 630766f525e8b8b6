using Berth.Oci;
using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Engine.Specs;

public static partial class SpecBuilder
{
    private const long MinimumMemory = 6 * 1024 * 1024;
    private const ulong CpuPeriod = 100_000;

    /// <summary>
    /// --memory, --memory-swap (memory + swap, as docker; -1 unlimited; twice --memory when only --memory is
    /// given), --cpus (a CFS quota per 100 ms period), --cpu-shares, --cpuset-cpus, --pids-limit. Errors are
    /// docker's "invalid argument" lines.
    /// </summary>
    public static Resources BuildResources(CreateOptions o, int hostCpus)
    {
        var resources = new Resources { Devices = [new DeviceCgroup { Allow = o.Privileged, Access = "rwm" }] };
        long? memory = o.Memory is null ? null : Size(o.Memory, "-m, --memory");
        if (memory is > 0 and < MinimumMemory) throw new InvalidOptionException("minimum memory limit allowed is 6MB");
        long? swap = o.MemorySwap is null ? null : o.MemorySwap.Trim() == "-1" ? -1 : Size(o.MemorySwap, "--memory-swap");
        if (swap is not null && swap != -1 && memory is null) throw new InvalidOptionException("you should always set the memory limit when using the memoryswap limit, see usage");
        if (swap is not null && swap != -1 && swap < memory) throw new InvalidOptionException("minimum memoryswap limit should be larger than memory limit, see usage");
        if (memory is > 0) resources.Memory = new Memory { Limit = memory, Swap = swap ?? memory * 2 };
        if (o.Cpus is not null) resources.Cpu = CpuQuota(o.Cpus, hostCpus);
        if (o.CpuShares is not null) (resources.Cpu ??= new Cpu()).Shares = ParseUnsigned(o.CpuShares, "-c, --cpu-shares");
        if (o.CpusetCpus is not null) (resources.Cpu ??= new Cpu()).Cpus = CpuSet(o.CpusetCpus, hostCpus);
        if (o.PidsLimit is not null)
        {
            if (!long.TryParse(o.PidsLimit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long pids))
            {
                throw new InvalidOptionException($"invalid argument \"{o.PidsLimit}\" for \"--pids-limit\" flag: strconv.ParseInt: parsing \"{o.PidsLimit}\": invalid syntax");
            }
            if (pids > 0) resources.Pids = new Pids { Limit = pids };
        }
        return resources;
    }

    private static long Size(string value, string flag)
    {
        try
        {
            return ByteSize.Parse(value);
        }
        catch (FormatException e)
        {
            throw new InvalidOptionException($"invalid argument \"{value}\" for \"{flag}\" flag: {e.Message}");
        }
    }

    private static Cpu CpuQuota(string value, int hostCpus)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal cpus))
        {
            throw new InvalidOptionException($"invalid argument \"{value}\" for \"--cpus\" flag: failed to parse {value} as a rational number");
        }
        if (cpus == 0) return new Cpu();
        if (cpus < 0.01m || cpus > hostCpus)
        {
            throw new InvalidOptionException($"range of CPUs is from 0.01 to {hostCpus}.00, as there are only {hostCpus} CPUs available");
        }
        return new Cpu { Quota = (long)(cpus * CpuPeriod), Period = CpuPeriod };
    }

    private static ulong ParseUnsigned(string value, string flag) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong n) ? n
        : throw new InvalidOptionException($"invalid argument \"{value}\" for \"{flag}\" flag: strconv.ParseInt: parsing \"{value}\": invalid syntax");

    /// <summary>"0-2,4": each CPU must exist on this host (docker: "Requested CPUs are not available").</summary>
    private static string CpuSet(string value, int hostCpus)
    {
        foreach (string part in value.Split(','))
        {
            string[] range = part.Split('-');
            if (range.Length > 2 || range.Any(r => !int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new InvalidOptionException($"invalid value {value} for cpuset cpus");
            }
            int last = int.Parse(range[^1], CultureInfo.InvariantCulture);
            if (last >= hostCpus || int.Parse(range[0], CultureInfo.InvariantCulture) > last)
            {
                throw new InvalidOptionException($"requested CPUs are not available - requested {value}, available: 0-{hostCpus - 1}");
            }
        }
        return value;
    }
}
