using System.Globalization;
using Berth.Cgroups.Stats;
using Berth.Oci.Spec;

namespace Berth.Cgroups.V1;

/// <summary>
/// blkio (v1): weight and per-device weights go to the proportional-weight files of the I/O scheduler the kernel
/// has: CFQ's blkio.weight / blkio.weight_device, or, when those are missing, BFQ's blkio.bfq.weight /
/// blkio.bfq.weight_device (runc's rule); leafWeight → blkio.leaf_weight(_device) (CFQ only). Throttle lists go
/// to blkio.throttle.{read,write}_{bps,iops}_device, one "MAJ:MIN rate" write per device (rate 0 removes a limit).
/// </summary>
internal sealed class BlkioController : V1Controller
{
    private const string Throttle = "blkio.throttle.";

    public BlkioController(string mountpoint, string relative, CgroupFs fs)
        : base("blkio", mountpoint, relative, fs)
    {
    }

    public override void Set(Resources resources)
    {
        if (resources.BlockIO is not BlockIO io)
        {
            return;
        }
        bool cfq = Exists("blkio.weight");
        string weightFile = cfq ? "blkio.weight" : "blkio.bfq.weight";
        if (io.Weight is ushort weight && weight != 0)
        {
            Write(weightFile, weight);
        }
        if (io.LeafWeight is ushort leafWeight && leafWeight != 0)
        {
            Write("blkio.leaf_weight", leafWeight);
        }
        SetDeviceWeights(io.WeightDevice, weightFile + "_device");
        SetThrottle(io.ThrottleReadBpsDevice, "read_bps_device", "throttleReadBpsDevice");
        SetThrottle(io.ThrottleWriteBpsDevice, "write_bps_device", "throttleWriteBpsDevice");
        SetThrottle(io.ThrottleReadIOPSDevice, "read_iops_device", "throttleReadIOPSDevice");
        SetThrottle(io.ThrottleWriteIOPSDevice, "write_iops_device", "throttleWriteIOPSDevice");
    }

    public override void AddStats(CgroupStats stats) =>
        BlkioStatsReader.Add(StatFiles, stats.Blkio);

    protected override string HintForMissing(string file) => file switch
    {
        _ when file.StartsWith(Throttle, StringComparison.Ordinal) =>
            $"this kernel has no {file}: block I/O throttling (CONFIG_BLK_DEV_THROTTLING) is off; remove the throttle lists from {BlockIoFormat.Field}",
        _ when file.Contains("leaf_weight", StringComparison.Ordinal) =>
            $"this kernel has no {file}: leaf weights exist only with the CFQ scheduler; remove leafWeight from {BlockIoFormat.Field}",
        _ => $"this kernel has neither blkio.weight (CFQ) nor {file} (BFQ): load BFQ (modprobe bfq) and select it for the "
            + $"disks (echo bfq > /sys/block/<disk>/queue/scheduler), or remove the weights from {BlockIoFormat.Field}",
    };

    private void SetDeviceWeights(List<WeightDevice>? devices, string weightDeviceFile)
    {
        foreach (WeightDevice device in devices ?? [])
        {
            string name = BlockIoFormat.Device(device.Major, device.Minor, "weightDevice");
            if (device.Weight is ushort weight && weight != 0)
            {
                Write(weightDeviceFile, $"{name} {weight.ToString(CultureInfo.InvariantCulture)}");
            }
            if (device.LeafWeight is ushort leaf && leaf != 0)
            {
                Write("blkio.leaf_weight_device", $"{name} {leaf.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private void SetThrottle(List<ThrottleDevice>? devices, string file, string field)
    {
        foreach (ThrottleDevice device in devices ?? [])
        {
            Write(Throttle + file, BlockIoFormat.Throttle(device, field));
        }
    }
}
