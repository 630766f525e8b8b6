using System.Text.Json;
using Berth.Oci.Spec;
using LinuxConfig = Berth.Oci.Spec.Linux;
using NetworkConfig = Berth.Oci.Spec.Network;
using SeccompConfig = Berth.Oci.Spec.Seccomp;

namespace Berth.Oci.Json;

/// <summary>config.json's "linux" object and linux.resources.</summary>
public static partial class SpecJsonWriter
{
    private static void WriteLinux(Utf8JsonWriter w, LinuxConfig v)
    {
        w.WriteStartObject();
        Objects(w, "namespaces"u8, v.Namespaces, WriteNamespace);
        Objects(w, "uidMappings"u8, v.UidMappings, WriteIdMapping);
        Objects(w, "gidMappings"u8, v.GidMappings, WriteIdMapping);
        ObjectMap(w, "timeOffsets"u8, v.TimeOffsets, WriteTimeOffset);
        Objects(w, "devices"u8, v.Devices, WriteDevice);
        String(w, "cgroupsPath"u8, v.CgroupsPath);
        Object(w, "resources"u8, v.Resources, WriteResources);
        Object(w, "intelRdt"u8, v.IntelRdt, WriteIntelRdt);
        StringMap(w, "sysctl"u8, v.Sysctl);
        Object(w, "seccomp"u8, v.Seccomp, WriteSeccomp);
        String(w, "rootfsPropagation"u8, v.RootfsPropagation);
        Strings(w, "maskedPaths"u8, v.MaskedPaths);
        Strings(w, "readonlyPaths"u8, v.ReadonlyPaths);
        String(w, "mountLabel"u8, v.MountLabel);
        Object(w, "personality"u8, v.Personality, WritePersonality);
        ObjectMap(w, "netDevices"u8, v.NetDevices, WriteNetDevice);
        w.WriteEndObject();
    }

    private static void WriteNamespace(Utf8JsonWriter w, Namespace v)
    {
        w.WriteStartObject();
        String(w, "type"u8, v.Type);
        String(w, "path"u8, v.Path);
        w.WriteEndObject();
    }

    private static void WriteTimeOffset(Utf8JsonWriter w, TimeOffset v)
    {
        w.WriteStartObject();
        w.WriteNumber("secs"u8, v.Secs);
        w.WriteNumber("nanosecs"u8, v.Nanosecs);
        w.WriteEndObject();
    }

    private static void WriteDevice(Utf8JsonWriter w, Device v)
    {
        w.WriteStartObject();
        String(w, "type"u8, v.Type);
        String(w, "path"u8, v.Path);
        w.WriteNumber("major"u8, v.Major);
        w.WriteNumber("minor"u8, v.Minor);
        Number(w, "fileMode"u8, v.FileMode);
        Number(w, "uid"u8, v.Uid);
        Number(w, "gid"u8, v.Gid);
        w.WriteEndObject();
    }

    private static void WriteIntelRdt(Utf8JsonWriter w, IntelRdt v)
    {
        w.WriteStartObject();
        String(w, "closID"u8, v.ClosID);
        String(w, "l3CacheSchema"u8, v.L3CacheSchema);
        String(w, "memBwSchema"u8, v.MemBwSchema);
        Strings(w, "schemata"u8, v.Schemata);
        Boolean(w, "enableMonitoring"u8, v.EnableMonitoring);
        Boolean(w, "enableCMT"u8, v.EnableCMT);
        Boolean(w, "enableMBM"u8, v.EnableMBM);
        w.WriteEndObject();
    }

    private static void WriteSeccomp(Utf8JsonWriter w, SeccompConfig v)
    {
        w.WriteStartObject();
        String(w, "defaultAction"u8, v.DefaultAction);
        Number(w, "defaultErrnoRet"u8, v.DefaultErrnoRet);
        Strings(w, "architectures"u8, v.Architectures);
        Strings(w, "flags"u8, v.Flags);
        String(w, "listenerPath"u8, v.ListenerPath);
        String(w, "listenerMetadata"u8, v.ListenerMetadata);
        Objects(w, "syscalls"u8, v.Syscalls, WriteSeccompSyscall);
        w.WriteEndObject();
    }

    private static void WriteSeccompSyscall(Utf8JsonWriter w, SeccompSyscall v)
    {
        w.WriteStartObject();
        Strings(w, "names"u8, v.Names);
        String(w, "action"u8, v.Action);
        Number(w, "errnoRet"u8, v.ErrnoRet);
        Objects(w, "args"u8, v.Args, WriteSeccompArg);
        w.WriteEndObject();
    }

    private static void WriteSeccompArg(Utf8JsonWriter w, SeccompArg v)
    {
        w.WriteStartObject();
        w.WriteNumber("index"u8, v.Index);
        w.WriteNumber("value"u8, v.Value);
        w.WriteNumber("valueTwo"u8, v.ValueTwo);
        String(w, "op"u8, v.Op);
        w.WriteEndObject();
    }

    private static void WritePersonality(Utf8JsonWriter w, Personality v)
    {
        w.WriteStartObject();
        String(w, "domain"u8, v.Domain);
        Strings(w, "flags"u8, v.Flags);
        w.WriteEndObject();
    }

    private static void WriteNetDevice(Utf8JsonWriter w, NetDevice v)
    {
        w.WriteStartObject();
        String(w, "name"u8, v.Name);
        w.WriteEndObject();
    }

    public static void WriteResources(Utf8JsonWriter w, Resources v)
    {
        w.WriteStartObject();
        Objects(w, "devices"u8, v.Devices, WriteDeviceCgroup);
        Object(w, "memory"u8, v.Memory, WriteMemory);
        Object(w, "cpu"u8, v.Cpu, WriteCpu);
        Object(w, "pids"u8, v.Pids, WritePids);
        Object(w, "blockIO"u8, v.BlockIO, WriteBlockIO);
        Objects(w, "hugepageLimits"u8, v.HugepageLimits, WriteHugepageLimit);
        Object(w, "network"u8, v.Network, WriteNetwork);
        ObjectMap(w, "rdma"u8, v.Rdma, WriteRdma);
        StringMap(w, "unified"u8, v.Unified);
        w.WriteEndObject();
    }

    private static void WriteDeviceCgroup(Utf8JsonWriter w, DeviceCgroup v)
    {
        w.WriteStartObject();
        w.WriteBoolean("allow"u8, v.Allow);
        String(w, "type"u8, v.Type);
        Number(w, "major"u8, v.Major);
        Number(w, "minor"u8, v.Minor);
        String(w, "access"u8, v.Access);
        w.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter w, Memory v)
    {
        w.WriteStartObject();
        Number(w, "limit"u8, v.Limit);
        Number(w, "reservation"u8, v.Reservation);
        Number(w, "swap"u8, v.Swap);
        Number(w, "kernel"u8, v.Kernel);
        Number(w, "kernelTCP"u8, v.KernelTCP);
        Number(w, "swappiness"u8, v.Swappiness);
        Boolean(w, "disableOOMKiller"u8, v.DisableOOMKiller);
        Boolean(w, "useHierarchy"u8, v.UseHierarchy);
        Boolean(w, "checkBeforeUpdate"u8, v.CheckBeforeUpdate);
        w.WriteEndObject();
    }

    private static void WriteCpu(Utf8JsonWriter w, Cpu v)
    {
        w.WriteStartObject();
        Number(w, "shares"u8, v.Shares);
        Number(w, "quota"u8, v.Quota);
        Number(w, "burst"u8, v.Burst);
        Number(w, "period"u8, v.Period);
        Number(w, "realtimeRuntime"u8, v.RealtimeRuntime);
        Number(w, "realtimePeriod"u8, v.RealtimePeriod);
        String(w, "cpus"u8, v.Cpus);
        String(w, "mems"u8, v.Mems);
        Number(w, "idle"u8, v.Idle);
        w.WriteEndObject();
    }

    private static void WritePids(Utf8JsonWriter w, Pids v)
    {
        w.WriteStartObject();
        w.WriteNumber("limit"u8, v.Limit);
        w.WriteEndObject();
    }

    private static void WriteBlockIO(Utf8JsonWriter w, BlockIO v)
    {
        w.WriteStartObject();
        Number(w, "weight"u8, v.Weight);
        Number(w, "leafWeight"u8, v.LeafWeight);
        Objects(w, "weightDevice"u8, v.WeightDevice, WriteWeightDevice);
        Objects(w, "throttleReadBpsDevice"u8, v.ThrottleReadBpsDevice, WriteThrottleDevice);
        Objects(w, "throttleWriteBpsDevice"u8, v.ThrottleWriteBpsDevice, WriteThrottleDevice);
        Objects(w, "throttleReadIOPSDevice"u8, v.ThrottleReadIOPSDevice, WriteThrottleDevice);
        Objects(w, "throttleWriteIOPSDevice"u8, v.ThrottleWriteIOPSDevice, WriteThrottleDevice);
        w.WriteEndObject();
    }

    private static void WriteWeightDevice(Utf8JsonWriter w, WeightDevice v)
    {
        w.WriteStartObject();
        w.WriteNumber("major"u8, v.Major);
        w.WriteNumber("minor"u8, v.Minor);
        Number(w, "weight"u8, v.Weight);
        Number(w, "leafWeight"u8, v.LeafWeight);
        w.WriteEndObject();
    }

    private static void WriteThrottleDevice(Utf8JsonWriter w, ThrottleDevice v)
    {
        w.WriteStartObject();
        w.WriteNumber("major"u8, v.Major);
        w.WriteNumber("minor"u8, v.Minor);
        w.WriteNumber("rate"u8, v.Rate);
        w.WriteEndObject();
    }

    private static void WriteHugepageLimit(Utf8JsonWriter w, HugepageLimit v)
    {
        w.WriteStartObject();
        String(w, "pageSize"u8, v.PageSize);
        w.WriteNumber("limit"u8, v.Limit);
        w.WriteEndObject();
    }

    private static void WriteNetwork(Utf8JsonWriter w, NetworkConfig v)
    {
        w.WriteStartObject();
        Number(w, "classID"u8, v.ClassID);
        Objects(w, "priorities"u8, v.Priorities, WriteNetworkPriority);
        w.WriteEndObject();
    }

    private static void WriteNetworkPriority(Utf8JsonWriter w, NetworkPriority v)
    {
        w.WriteStartObject();
        String(w, "name"u8, v.Name);
        w.WriteNumber("priority"u8, v.Priority);
        w.WriteEndObject();
    }

    private static void WriteRdma(Utf8JsonWriter w, Rdma v)
    {
        w.WriteStartObject();
        Number(w, "hcaHandles"u8, v.HcaHandles);
        Number(w, "hcaObjects"u8, v.HcaObjects);
        w.WriteEndObject();
    }
}
