namespace Berth.Cgroups.Devices;

/// <summary>
/// The device kinds a device cgroup rule can name (runtime-spec "linux.resources.devices[].type"). The values are
/// the letters the v1 devices files use, so ordering by value sorts block before char, as runc does.
/// </summary>
public enum DeviceType
{
    /// <summary>"a": every device, block and char, any major and minor (written as just "a" to devices.allow/deny).</summary>
    All = 'a',

    /// <summary>"b": block devices (disks). eBPF: BPF_DEVCG_DEV_BLOCK = 1.</summary>
    Block = 'b',

    /// <summary>"c": character devices (/dev/null, ttys, ...). eBPF: BPF_DEVCG_DEV_CHAR = 2.</summary>
    Char = 'c',
}
