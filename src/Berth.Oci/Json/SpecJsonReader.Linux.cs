using System.Text.Json;
using Berth.Oci.Spec;
using LinuxConfig = Berth.Oci.Spec.Linux;
using SeccompConfig = Berth.Oci.Spec.Seccomp;

namespace Berth.Oci.Json;

/// <summary>config.json's "linux" object, but for linux.resources (in SpecJsonReader.Resources.cs).</summary>
public static partial class SpecJsonReader
{
    private static LinuxConfig? ReadLinux(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new LinuxConfig();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "namespaces"u8)) v.Namespaces = ReadList<Namespace>(ref r, ReadNamespace);
            else if (Is(ref r, "uidMappings"u8)) v.UidMappings = ReadList<IdMapping>(ref r, ReadIdMapping);
            else if (Is(ref r, "gidMappings"u8)) v.GidMappings = ReadList<IdMapping>(ref r, ReadIdMapping);
            else if (Is(ref r, "timeOffsets"u8)) v.TimeOffsets = ReadMap<TimeOffset>(ref r, ReadTimeOffset);
            else if (Is(ref r, "devices"u8)) v.Devices = ReadList<Device>(ref r, ReadDevice);
            else if (Is(ref r, "cgroupsPath"u8)) v.CgroupsPath = String(ref r);
            else if (Is(ref r, "resources"u8)) v.Resources = ReadResources(ref r);
            else if (Is(ref r, "intelRdt"u8)) v.IntelRdt = ReadIntelRdt(ref r);
            else if (Is(ref r, "sysctl"u8)) v.Sysctl = StringMap(ref r);
            else if (Is(ref r, "seccomp"u8)) v.Seccomp = ReadSeccomp(ref r);
            else if (Is(ref r, "rootfsPropagation"u8)) v.RootfsPropagation = String(ref r);
            else if (Is(ref r, "maskedPaths"u8)) v.MaskedPaths = Strings(ref r);
            else if (Is(ref r, "readonlyPaths"u8)) v.ReadonlyPaths = Strings(ref r);
            else if (Is(ref r, "mountLabel"u8)) v.MountLabel = String(ref r);
            else if (Is(ref r, "personality"u8)) v.Personality = ReadPersonality(ref r);
            else if (Is(ref r, "netDevices"u8)) v.NetDevices = ReadMap<NetDevice>(ref r, ReadNetDevice);
            else r.Skip();
        }
        return v;
    }

    private static Namespace? ReadNamespace(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Namespace();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "type"u8)) v.Type = String(ref r)!;
            else if (Is(ref r, "path"u8)) v.Path = String(ref r);
            else r.Skip();
        }
        return v;
    }

    private static TimeOffset? ReadTimeOffset(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new TimeOffset();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "secs"u8)) v.Secs = Int64(ref r);
            else if (Is(ref r, "nanosecs"u8)) v.Nanosecs = UInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Device? ReadDevice(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Device();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "type"u8)) v.Type = String(ref r)!;
            else if (Is(ref r, "path"u8)) v.Path = String(ref r)!;
            else if (Is(ref r, "major"u8)) v.Major = Int64(ref r);
            else if (Is(ref r, "minor"u8)) v.Minor = Int64(ref r);
            else if (Is(ref r, "fileMode"u8)) v.FileMode = NullableUInt32(ref r);
            else if (Is(ref r, "uid"u8)) v.Uid = NullableUInt32(ref r);
            else if (Is(ref r, "gid"u8)) v.Gid = NullableUInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static IntelRdt? ReadIntelRdt(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new IntelRdt();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "closID"u8)) v.ClosID = String(ref r);
            else if (Is(ref r, "l3CacheSchema"u8)) v.L3CacheSchema = String(ref r);
            else if (Is(ref r, "memBwSchema"u8)) v.MemBwSchema = String(ref r);
            else if (Is(ref r, "schemata"u8)) v.Schemata = Strings(ref r);
            else if (Is(ref r, "enableMonitoring"u8)) v.EnableMonitoring = NullableBool(ref r);
            else if (Is(ref r, "enableCMT"u8)) v.EnableCMT = NullableBool(ref r);
            else if (Is(ref r, "enableMBM"u8)) v.EnableMBM = NullableBool(ref r);
            else r.Skip();
        }
        return v;
    }

    private static SeccompConfig? ReadSeccomp(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new SeccompConfig();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "defaultAction"u8)) v.DefaultAction = String(ref r)!;
            else if (Is(ref r, "defaultErrnoRet"u8)) v.DefaultErrnoRet = NullableUInt32(ref r);
            else if (Is(ref r, "architectures"u8)) v.Architectures = Strings(ref r);
            else if (Is(ref r, "flags"u8)) v.Flags = Strings(ref r);
            else if (Is(ref r, "listenerPath"u8)) v.ListenerPath = String(ref r);
            else if (Is(ref r, "listenerMetadata"u8)) v.ListenerMetadata = String(ref r);
            else if (Is(ref r, "syscalls"u8)) v.Syscalls = ReadList<SeccompSyscall>(ref r, ReadSeccompSyscall);
            else r.Skip();
        }
        return v;
    }

    private static SeccompSyscall? ReadSeccompSyscall(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new SeccompSyscall();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "names"u8)) v.Names = Strings(ref r)!;
            else if (Is(ref r, "action"u8)) v.Action = String(ref r)!;
            else if (Is(ref r, "errnoRet"u8)) v.ErrnoRet = NullableUInt32(ref r);
            else if (Is(ref r, "args"u8)) v.Args = ReadList<SeccompArg>(ref r, ReadSeccompArg);
            else r.Skip();
        }
        return v;
    }

    private static SeccompArg? ReadSeccompArg(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new SeccompArg();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "index"u8)) v.Index = UInt32(ref r);
            else if (Is(ref r, "value"u8)) v.Value = UInt64(ref r);
            else if (Is(ref r, "valueTwo"u8)) v.ValueTwo = UInt64(ref r);
            else if (Is(ref r, "op"u8)) v.Op = String(ref r)!;
            else r.Skip();
        }
        return v;
    }

    private static Personality? ReadPersonality(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Personality();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "domain"u8)) v.Domain = String(ref r)!;
            else if (Is(ref r, "flags"u8)) v.Flags = Strings(ref r);
            else r.Skip();
        }
        return v;
    }

    private static NetDevice? ReadNetDevice(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new NetDevice();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "name"u8)) v.Name = String(ref r);
            else r.Skip();
        }
        return v;
    }
}
