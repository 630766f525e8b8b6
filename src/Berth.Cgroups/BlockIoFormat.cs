using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups;

/// <summary>
/// linux.resources.blockIO values as the kernel's blkio (v1) and io (v2) files take them: "MAJ:MIN value" lines,
/// v2's "MAJ:MIN rbps=.. wbps=.. riops=.. wiops=.." io.max lines, and the weight conversion between the two.
/// </summary>
internal static class BlockIoFormat
{
    public const string Field = "linux.resources.blockIO";

    /// <summary>"8:0"; negative numbers are refused naming the field.</summary>
    public static string Device(long major, long minor, string field)
    {
        if (major < 0 || minor < 0)
        {
            throw new CgroupException($"{Field}.{field}: device {major}:{minor} must have non-negative major and minor numbers");
        }
        return major.ToString(CultureInfo.InvariantCulture) + ":" + minor.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"8:0 1048576": one line of a v1 throttle file.</summary>
    public static string Throttle(ThrottleDevice device, string field) =>
        $"{Device(device.Major, device.Minor, field)} {device.Rate.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// blkio weight [10, 1000] → io.weight [1, 10000], runc's linear mapping: 1 + (weight - 10) * 9999 / 990,
    /// so 10 → 1, 100 → 910, 500 → 4950, 1000 → 10000. Weights below 10 are raised to 10 first.
    /// </summary>
    public static ulong IoWeightFromBlkioWeight(ushort weight)
    {
        ulong clamped = Math.Clamp((ulong)weight, 10, 1000);
        return 1 + (clamped - 10) * 9999 / 990;
    }

    /// <summary>
    /// One io.max line per device: the four throttle lists grouped by device, in the order devices first appear
    /// ("8:0 rbps=1048576 wiops=100"). Keys not given are left out, so the kernel keeps their current value.
    /// </summary>
    public static List<string> IoMaxLines(BlockIO blockIo)
    {
        var lines = new List<(string Device, List<string> Keys)>();
        Add(lines, blockIo.ThrottleReadBpsDevice, "rbps", "throttleReadBpsDevice");
        Add(lines, blockIo.ThrottleWriteBpsDevice, "wbps", "throttleWriteBpsDevice");
        Add(lines, blockIo.ThrottleReadIOPSDevice, "riops", "throttleReadIOPSDevice");
        Add(lines, blockIo.ThrottleWriteIOPSDevice, "wiops", "throttleWriteIOPSDevice");
        return lines.Select(l => l.Device + " " + string.Join(' ', l.Keys)).ToList();
    }

    private static void Add(List<(string Device, List<string> Keys)> lines, List<ThrottleDevice>? devices, string key, string field)
    {
        foreach (ThrottleDevice device in devices ?? [])
        {
            string name = Device(device.Major, device.Minor, field);
            int index = lines.FindIndex(l => l.Device == name);
            if (index < 0)
            {
                lines.Add((name, []));
                index = lines.Count - 1;
            }
            lines[index].Keys.Add($"{key}={device.Rate.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
