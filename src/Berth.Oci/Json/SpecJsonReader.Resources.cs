using System.Text.Json;
using Berth.Oci.Spec;
using NetworkConfig = Berth.Oci.Spec.Network;

namespace Berth.Oci.Json;

/// <summary>linux.resources (also a document of its own for `update --resources`).</summary>
public static partial class SpecJsonReader
{
    public static Resources? ReadResources(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Resources();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "devices"u8)) v.Devices = ReadList<DeviceCgroup>(ref r, ReadDeviceCgroup);
            else if (Is(ref r, "memory"u8)) v.Memory = ReadMemory(ref r);
            else if (Is(ref r, "cpu"u8)) v.Cpu = ReadCpu(ref r);
            else if (Is(ref r, "pids"u8)) v.Pids = ReadPids(ref r);
            else if (Is(ref r, "blockIO"u8)) v.BlockIO = ReadBlockIO(ref r);
            else if (Is(ref r, "hugepageLimits"u8)) v.HugepageLimits = ReadList<HugepageLimit>(ref r, ReadHugepageLimit);
            else if (Is(ref r, "network"u8)) v.Network = ReadNetwork(ref r);
            else if (Is(ref r, "rdma"u8)) v.Rdma = ReadMap<Rdma>(ref r, ReadRdma);
            else if (Is(ref r, "unified"u8)) v.Unified = StringMap(ref r);
            else r.Skip();
        }
        return v;
    }

    private static DeviceCgroup? ReadDeviceCgroup(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new DeviceCgroup();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "allow"u8)) v.Allow = Bool(ref r);
            else if (Is(ref r, "type"u8)) v.Type = String(ref r);
            else if (Is(ref r, "major"u8)) v.Major = NullableInt64(ref r);
            else if (Is(ref r, "minor"u8)) v.Minor = NullableInt64(ref r);
            else if (Is(ref r, "access"u8)) v.Access = String(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Memory? ReadMemory(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Memory();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "limit"u8)) v.Limit = NullableInt64(ref r);
            else if (Is(ref r, "reservation"u8)) v.Reservation = NullableInt64(ref r);
            else if (Is(ref r, "swap"u8)) v.Swap = NullableInt64(ref r);
            else if (Is(ref r, "kernel"u8)) v.Kernel = NullableInt64(ref r);
            else if (Is(ref r, "kernelTCP"u8)) v.KernelTCP = NullableInt64(ref r);
            else if (Is(ref r, "swappiness"u8)) v.Swappiness = NullableUInt64(ref r);
            else if (Is(ref r, "disableOOMKiller"u8)) v.DisableOOMKiller = NullableBool(ref r);
            else if (Is(ref r, "useHierarchy"u8)) v.UseHierarchy = NullableBool(ref r);
            else if (Is(ref r, "checkBeforeUpdate"u8)) v.CheckBeforeUpdate = NullableBool(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Cpu? ReadCpu(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Cpu();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "shares"u8)) v.Shares = NullableUInt64(ref r);
            else if (Is(ref r, "quota"u8)) v.Quota = NullableInt64(ref r);
            else if (Is(ref r, "burst"u8)) v.Burst = NullableUInt64(ref r);
            else if (Is(ref r, "period"u8)) v.Period = NullableUInt64(ref r);
            else if (Is(ref r, "realtimeRuntime"u8)) v.RealtimeRuntime = NullableInt64(ref r);
            else if (Is(ref r, "realtimePeriod"u8)) v.RealtimePeriod = NullableUInt64(ref r);
            else if (Is(ref r, "cpus"u8)) v.Cpus = String(ref r);
            else if (Is(ref r, "mems"u8)) v.Mems = String(ref r);
            else if (Is(ref r, "idle"u8)) v.Idle = NullableInt64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Pids? ReadPids(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Pids();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "limit"u8)) v.Limit = Int64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static BlockIO? ReadBlockIO(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new BlockIO();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "weight"u8)) v.Weight = NullableUInt16(ref r);
            else if (Is(ref r, "leafWeight"u8)) v.LeafWeight = NullableUInt16(ref r);
            else if (Is(ref r, "weightDevice"u8)) v.WeightDevice = ReadList<WeightDevice>(ref r, ReadWeightDevice);
            else if (Is(ref r, "throttleReadBpsDevice"u8)) v.ThrottleReadBpsDevice = ReadList<ThrottleDevice>(ref r, ReadThrottleDevice);
            else if (Is(ref r, "throttleWriteBpsDevice"u8)) v.ThrottleWriteBpsDevice = ReadList<ThrottleDevice>(ref r, ReadThrottleDevice);
            else if (Is(ref r, "throttleReadIOPSDevice"u8)) v.ThrottleReadIOPSDevice = ReadList<ThrottleDevice>(ref r, ReadThrottleDevice);
            else if (Is(ref r, "throttleWriteIOPSDevice"u8)) v.ThrottleWriteIOPSDevice = ReadList<ThrottleDevice>(ref r, ReadThrottleDevice);
            else r.Skip();
        }
        return v;
    }

    private static WeightDevice? ReadWeightDevice(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new WeightDevice();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "major"u8)) v.Major = Int64(ref r);
            else if (Is(ref r, "minor"u8)) v.Minor = Int64(ref r);
            else if (Is(ref r, "weight"u8)) v.Weight = NullableUInt16(ref r);
            else if (Is(ref r, "leafWeight"u8)) v.LeafWeight = NullableUInt16(ref r);
            else r.Skip();
        }
        return v;
    }

    private static ThrottleDevice? ReadThrottleDevice(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new ThrottleDevice();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "major"u8)) v.Major = Int64(ref r);
            else if (Is(ref r, "minor"u8)) v.Minor = Int64(ref r);
            else if (Is(ref r, "rate"u8)) v.Rate = UInt64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static HugepageLimit? ReadHugepageLimit(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new HugepageLimit();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "pageSize"u8)) v.PageSize = String(ref r)!;
            else if (Is(ref r, "limit"u8)) v.Limit = UInt64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static NetworkConfig? ReadNetwork(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new NetworkConfig();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "classID"u8)) v.ClassID = NullableUInt32(ref r);
            else if (Is(ref r, "priorities"u8)) v.Priorities = ReadList<NetworkPriority>(ref r, ReadNetworkPriority);
            else r.Skip();
        }
        return v;
    }

    private static NetworkPriority? ReadNetworkPriority(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new NetworkPriority();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "name"u8)) v.Name = String(ref r)!;
            else if (Is(ref r, "priority"u8)) v.Priority = UInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Rdma? ReadRdma(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Rdma();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "hcaHandles"u8)) v.HcaHandles = NullableUInt32(ref r);
            else if (Is(ref r, "hcaObjects"u8)) v.HcaObjects = NullableUInt32(ref r);
            else r.Skip();
        }
        return v;
    }
}
