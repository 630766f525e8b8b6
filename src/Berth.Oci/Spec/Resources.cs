namespace Berth.Oci.Spec;

/// <summary>runtime-spec config-linux.md "linux.resources" (cgroup controls).</summary>
public sealed class Resources
{
    public List<DeviceCgroup>? Devices { get; set; }
    public Memory? Memory { get; set; }
    public Cpu? Cpu { get; set; }
    public Pids? Pids { get; set; }
    public BlockIO? BlockIO { get; set; }
    public List<HugepageLimit>? HugepageLimits { get; set; }
    public Network? Network { get; set; }
    public Dictionary<string, Rdma>? Rdma { get; set; }
    public Dictionary<string, string>? Unified { get; set; }
}

public sealed class DeviceCgroup
{
    public bool Allow { get; set; }
    public string? Type { get; set; }
    public long? Major { get; set; }
    public long? Minor { get; set; }
    public string? Access { get; set; }
}

public sealed class Memory
{
    public long? Limit { get; set; }
    public long? Reservation { get; set; }
    public long? Swap { get; set; }
    public long? Kernel { get; set; }
    public long? KernelTCP { get; set; }
    public ulong? Swappiness { get; set; }
    public bool? DisableOOMKiller { get; set; }
    public bool? UseHierarchy { get; set; }
    public bool? CheckBeforeUpdate { get; set; }
}

public sealed class Cpu
{
    public ulong? Shares { get; set; }
    public long? Quota { get; set; }
    public ulong? Burst { get; set; }
    public ulong? Period { get; set; }
    public long? RealtimeRuntime { get; set; }
    public ulong? RealtimePeriod { get; set; }
    public string? Cpus { get; set; }
    public string? Mems { get; set; }
    public long? Idle { get; set; }
}

public sealed class Pids
{
    public long Limit { get; set; }
}

public sealed class BlockIO
{
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
    public List<WeightDevice>? WeightDevice { get; set; }
    public List<ThrottleDevice>? ThrottleReadBpsDevice { get; set; }
    public List<ThrottleDevice>? ThrottleWriteBpsDevice { get; set; }
    public List<ThrottleDevice>? ThrottleReadIOPSDevice { get; set; }
    public List<ThrottleDevice>? ThrottleWriteIOPSDevice { get; set; }
}

public sealed class WeightDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
}

public sealed class ThrottleDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ulong Rate { get; set; }
}

public sealed class HugepageLimit
{
    public string PageSize { get; set; } = "";
    public ulong Limit { get; set; }
}

public sealed class Network
{
    public uint? ClassID { get; set; }
    public List<NetworkPriority>? Priorities { get; set; }
}

public sealed class NetworkPriority
{
    public string Name { get; set; } = "";
    public uint Priority { get; set; }
}

public sealed class Rdma
{
    public uint? HcaHandles { get; set; }
    public uint? HcaObjects { get; set; }
}
