using System.Text.Json;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;
using OciState = Berth.Oci.Spec.State;

namespace Berth.Oci.Json;

/// <summary>config.json's top level, process, root, mounts, hooks; and the OCI state.</summary>
public static partial class SpecJsonReader
{
    public static OciSpec? ReadSpec(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new OciSpec();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "ociVersion"u8)) v.OciVersion = String(ref r)!;
            else if (Is(ref r, "process"u8)) v.Process = ReadProcess(ref r);
            else if (Is(ref r, "root"u8)) v.Root = ReadRoot(ref r);
            else if (Is(ref r, "hostname"u8)) v.Hostname = String(ref r);
            else if (Is(ref r, "domainname"u8)) v.Domainname = String(ref r);
            else if (Is(ref r, "mounts"u8)) v.Mounts = ReadList<Mount>(ref r, ReadMount);
            else if (Is(ref r, "hooks"u8)) v.Hooks = ReadHooks(ref r);
            else if (Is(ref r, "annotations"u8)) v.Annotations = StringMap(ref r);
            else if (Is(ref r, "linux"u8)) v.Linux = ReadLinux(ref r);
            else r.Skip();
        }
        return v;
    }

    public static Process? ReadProcess(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Process();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "terminal"u8)) v.Terminal = Bool(ref r);
            else if (Is(ref r, "consoleSize"u8)) v.ConsoleSize = ReadConsoleSize(ref r);
            else if (Is(ref r, "user"u8)) v.User = ReadUser(ref r)!;
            else if (Is(ref r, "args"u8)) v.Args = Strings(ref r);
            else if (Is(ref r, "commandLine"u8)) v.CommandLine = String(ref r);
            else if (Is(ref r, "env"u8)) v.Env = Strings(ref r);
            else if (Is(ref r, "cwd"u8)) v.Cwd = String(ref r)!;
            else if (Is(ref r, "capabilities"u8)) v.Capabilities = ReadCapabilities(ref r);
            else if (Is(ref r, "rlimits"u8)) v.Rlimits = ReadList<Rlimit>(ref r, ReadRlimit);
            else if (Is(ref r, "noNewPrivileges"u8)) v.NoNewPrivileges = Bool(ref r);
            else if (Is(ref r, "apparmorProfile"u8)) v.ApparmorProfile = String(ref r);
            else if (Is(ref r, "oomScoreAdj"u8)) v.OomScoreAdj = NullableInt32(ref r);
            else if (Is(ref r, "selinuxLabel"u8)) v.SelinuxLabel = String(ref r);
            else if (Is(ref r, "scheduler"u8)) v.Scheduler = ReadScheduler(ref r);
            else if (Is(ref r, "ioPriority"u8)) v.IoPriority = ReadIoPriority(ref r);
            else if (Is(ref r, "execCPUAffinity"u8)) v.ExecCPUAffinity = ReadExecCpuAffinity(ref r);
            else r.Skip();
        }
        return v;
    }

    private static ConsoleSize? ReadConsoleSize(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new ConsoleSize();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "height"u8)) v.Height = UInt32(ref r);
            else if (Is(ref r, "width"u8)) v.Width = UInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static User? ReadUser(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new User();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "uid"u8)) v.Uid = UInt32(ref r);
            else if (Is(ref r, "gid"u8)) v.Gid = UInt32(ref r);
            else if (Is(ref r, "umask"u8)) v.Umask = NullableUInt32(ref r);
            else if (Is(ref r, "additionalGids"u8)) v.AdditionalGids = ReadValues<uint>(ref r, UInt32);
            else if (Is(ref r, "username"u8)) v.Username = String(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Capabilities? ReadCapabilities(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Capabilities();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "bounding"u8)) v.Bounding = Strings(ref r);
            else if (Is(ref r, "effective"u8)) v.Effective = Strings(ref r);
            else if (Is(ref r, "inheritable"u8)) v.Inheritable = Strings(ref r);
            else if (Is(ref r, "permitted"u8)) v.Permitted = Strings(ref r);
            else if (Is(ref r, "ambient"u8)) v.Ambient = Strings(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Rlimit? ReadRlimit(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Rlimit();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "type"u8)) v.Type = String(ref r)!;
            else if (Is(ref r, "hard"u8)) v.Hard = UInt64(ref r);
            else if (Is(ref r, "soft"u8)) v.Soft = UInt64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Scheduler? ReadScheduler(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Scheduler();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "policy"u8)) v.Policy = String(ref r)!;
            else if (Is(ref r, "nice"u8)) v.Nice = NullableInt32(ref r);
            else if (Is(ref r, "priority"u8)) v.Priority = NullableInt32(ref r);
            else if (Is(ref r, "flags"u8)) v.Flags = Strings(ref r);
            else if (Is(ref r, "runtime"u8)) v.Runtime = NullableUInt64(ref r);
            else if (Is(ref r, "deadline"u8)) v.Deadline = NullableUInt64(ref r);
            else if (Is(ref r, "period"u8)) v.Period = NullableUInt64(ref r);
            else r.Skip();
        }
        return v;
    }

    private static IoPriority? ReadIoPriority(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new IoPriority();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "class"u8)) v.Class = String(ref r)!;
            else if (Is(ref r, "priority"u8)) v.Priority = Int32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static ExecCpuAffinity? ReadExecCpuAffinity(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new ExecCpuAffinity();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "initial"u8)) v.Initial = String(ref r);
            else if (Is(ref r, "final"u8)) v.Final = String(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Root? ReadRoot(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Root();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "path"u8)) v.Path = String(ref r)!;
            else if (Is(ref r, "readonly"u8)) v.Readonly = Bool(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Mount? ReadMount(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Mount();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "destination"u8)) v.Destination = String(ref r)!;
            else if (Is(ref r, "type"u8)) v.Type = String(ref r);
            else if (Is(ref r, "source"u8)) v.Source = String(ref r);
            else if (Is(ref r, "options"u8)) v.Options = Strings(ref r);
            else if (Is(ref r, "uidMappings"u8)) v.UidMappings = ReadList<IdMapping>(ref r, ReadIdMapping);
            else if (Is(ref r, "gidMappings"u8)) v.GidMappings = ReadList<IdMapping>(ref r, ReadIdMapping);
            else r.Skip();
        }
        return v;
    }

    private static IdMapping? ReadIdMapping(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new IdMapping();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "containerID"u8)) v.ContainerID = UInt32(ref r);
            else if (Is(ref r, "hostID"u8)) v.HostID = UInt32(ref r);
            else if (Is(ref r, "size"u8)) v.Size = UInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    private static Hooks? ReadHooks(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Hooks();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "prestart"u8)) v.Prestart = ReadList<Hook>(ref r, ReadHook);
            else if (Is(ref r, "createRuntime"u8)) v.CreateRuntime = ReadList<Hook>(ref r, ReadHook);
            else if (Is(ref r, "createContainer"u8)) v.CreateContainer = ReadList<Hook>(ref r, ReadHook);
            else if (Is(ref r, "startContainer"u8)) v.StartContainer = ReadList<Hook>(ref r, ReadHook);
            else if (Is(ref r, "poststart"u8)) v.Poststart = ReadList<Hook>(ref r, ReadHook);
            else if (Is(ref r, "poststop"u8)) v.Poststop = ReadList<Hook>(ref r, ReadHook);
            else r.Skip();
        }
        return v;
    }

    private static Hook? ReadHook(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new Hook();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "path"u8)) v.Path = String(ref r)!;
            else if (Is(ref r, "args"u8)) v.Args = Strings(ref r);
            else if (Is(ref r, "env"u8)) v.Env = Strings(ref r);
            else if (Is(ref r, "timeout"u8)) v.Timeout = NullableInt32(ref r);
            else r.Skip();
        }
        return v;
    }

    public static OciState? ReadState(ref Utf8JsonReader r)
    {
        if (!BeginObject(ref r)) return null;
        var v = new OciState();
        while (NextProperty(ref r))
        {
            if (Is(ref r, "ociVersion"u8)) v.OciVersion = String(ref r)!;
            else if (Is(ref r, "id"u8)) v.Id = String(ref r)!;
            else if (Is(ref r, "status"u8)) v.Status = String(ref r)!;
            else if (Is(ref r, "pid"u8)) v.Pid = Int32(ref r);
            else if (Is(ref r, "bundle"u8)) v.Bundle = String(ref r)!;
            else if (Is(ref r, "annotations"u8)) v.Annotations = StringMap(ref r);
            else r.Skip();
        }
        return v;
    }
}
