using System.Globalization;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V2;

/// <summary>
/// io (v2), runc's rules: weight → io.bfq.weight when the BFQ scheduler's file exists (same 1-1000 scale as
/// blkio), else io.weight converted to its 1-10000 scale (<see cref="BlockIoFormat.IoWeightFromBlkioWeight"/>).
/// weightDevice[] → "MAJ:MIN weight" in io.bfq.weight when it takes per-device weights (Linux 5.4+; it then reads
/// "default N"), else in io.weight (converted). Throttle lists → one io.max line per device
/// ("8:0 rbps=.. wiops=.."). leafWeight has no cgroup2 file and is ignored (traced).
/// </summary>
internal static class V2Io
{
    private const string BfqWeight = "io.bfq.weight";
    private const string IoWeight = "io.weight";

    public static void Set(V2Files files, BlockIO? io)
    {
        if (io is null)
        {
            return;
        }
        bool bfq = files.Exists(BfqWeight);
        bool bfqPerDevice = bfq && BfqTakesDeviceWeights(files); // read before writing: the write changes what it shows
        if (io.Weight is ushort weight && weight != 0)
        {
            SetDefaultWeight(files, bfq, weight);
        }
        if (io.LeafWeight is ushort leaf && leaf != 0)
        {
            files.Fs.Trace($"{BlockIoFormat.Field}.leafWeight {leaf} ignored: cgroup v2 has no leaf weights");
        }
        SetDeviceWeights(files, bfqPerDevice, io.WeightDevice ?? []);
        foreach (string line in BlockIoFormat.IoMaxLines(io))
        {
            files.Write("io.max", line);
        }
    }

    private static void SetDefaultWeight(V2Files files, bool bfq, ushort weight)
    {
        if (bfq)
        {
            files.Write(BfqWeight, (ulong)weight);
            return;
        }
        files.Write(IoWeight, BlockIoFormat.IoWeightFromBlkioWeight(weight));
    }

    private static void SetDeviceWeights(V2Files files, bool bfqPerDevice, List<WeightDevice> devices)
    {
        foreach (WeightDevice device in devices)
        {
            string name = BlockIoFormat.Device(device.Major, device.Minor, "weightDevice");
            if (device.Weight is ushort weight && weight != 0)
            {
                string value = bfqPerDevice ? weight.ToString(CultureInfo.InvariantCulture)
                    : BlockIoFormat.IoWeightFromBlkioWeight(weight).ToString(CultureInfo.InvariantCulture);
                files.Write(bfqPerDevice ? BfqWeight : IoWeight, $"{name} {value}");
            }
            if (device.LeafWeight is ushort leaf && leaf != 0)
            {
                files.Fs.Trace($"{BlockIoFormat.Field}.weightDevice {name} leafWeight {leaf} ignored: cgroup v2 has no leaf weights");
            }
        }
    }

    /// <summary>Kernels before 5.4 show a bare number in io.bfq.weight and take no per-device lines (runc's test).</summary>
    private static bool BfqTakesDeviceWeights(V2Files files)
    {
        string text = files.Fs.Read(files.PathOf(BfqWeight)).Trim();
        return !ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
