using System.Buffers;
using System.Text.Json;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;
using OciState = Berth.Oci.Spec.State;

namespace Berth.Oci.Json;

/// <summary>
/// A hand-written writer of the OCI documents with <see cref="Utf8JsonWriter"/>, byte for byte what
/// <see cref="OciJsonContext"/> writes (declaration order, camelCase names, nulls left out, the same escaping
/// and indentation) without building System.Text.Json metadata. Partial files by area, as the reader.
/// </summary>
public static partial class SpecJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };
    private static readonly JsonWriterOptions Compact = new();

    /// <summary>The document as UTF-8; <paramref name="indented"/> as OciJsonContext writes it for people.</summary>
    public static byte[] Serialize(OciSpec spec, bool indented = true) => Serialize(spec, indented, WriteSpec);

    public static byte[] Serialize(Process process, bool indented = true) => Serialize(process, indented, WriteProcess);

    public static byte[] Serialize(OciState state, bool indented = true) => Serialize(state, indented, WriteState);

    private static byte[] Serialize<T>(T value, bool indented, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            write(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteSpec(Utf8JsonWriter w, OciSpec v)
    {
        w.WriteStartObject();
        String(w, "ociVersion"u8, v.OciVersion);
        Object(w, "process"u8, v.Process, WriteProcess);
        Object(w, "root"u8, v.Root, WriteRoot);
        String(w, "hostname"u8, v.Hostname);
        String(w, "domainname"u8, v.Domainname);
        Objects(w, "mounts"u8, v.Mounts, WriteMount);
        Object(w, "hooks"u8, v.Hooks, WriteHooks);
        StringMap(w, "annotations"u8, v.Annotations);
        Object(w, "linux"u8, v.Linux, WriteLinux);
        w.WriteEndObject();
    }

    public static void WriteProcess(Utf8JsonWriter w, Process v)
    {
        w.WriteStartObject();
        w.WriteBoolean("terminal"u8, v.Terminal);
        Object(w, "consoleSize"u8, v.ConsoleSize, WriteConsoleSize);
        Object(w, "user"u8, v.User, WriteUser);
        Strings(w, "args"u8, v.Args);
        String(w, "commandLine"u8, v.CommandLine);
        Strings(w, "env"u8, v.Env);
        String(w, "cwd"u8, v.Cwd);
        Object(w, "capabilities"u8, v.Capabilities, WriteCapabilities);
        Objects(w, "rlimits"u8, v.Rlimits, WriteRlimit);
        w.WriteBoolean("noNewPrivileges"u8, v.NoNewPrivileges);
        String(w, "apparmorProfile"u8, v.ApparmorProfile);
        Number(w, "oomScoreAdj"u8, v.OomScoreAdj);
        String(w, "selinuxLabel"u8, v.SelinuxLabel);
        Object(w, "scheduler"u8, v.Scheduler, WriteScheduler);
        Object(w, "ioPriority"u8, v.IoPriority, WriteIoPriority);
        Object(w, "execCPUAffinity"u8, v.ExecCPUAffinity, WriteExecCpuAffinity);
        w.WriteEndObject();
    }

    private static void WriteConsoleSize(Utf8JsonWriter w, ConsoleSize v)
    {
        w.WriteStartObject();
        w.WriteNumber("height"u8, v.Height);
        w.WriteNumber("width"u8, v.Width);
        w.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter w, User v)
    {
        w.WriteStartObject();
        w.WriteNumber("uid"u8, v.Uid);
        w.WriteNumber("gid"u8, v.Gid);
        Number(w, "umask"u8, v.Umask);
        if (v.AdditionalGids is { } gids)
        {
            w.WriteStartArray("additionalGids"u8);
            foreach (uint gid in gids) w.WriteNumberValue(gid);
            w.WriteEndArray();
        }
        String(w, "username"u8, v.Username);
        w.WriteEndObject();
    }

    private static void WriteCapabilities(Utf8JsonWriter w, Capabilities v)
    {
        w.WriteStartObject();
        Strings(w, "bounding"u8, v.Bounding);
        Strings(w, "effective"u8, v.Effective);
        Strings(w, "inheritable"u8, v.Inheritable);
        Strings(w, "permitted"u8, v.Permitted);
        Strings(w, "ambient"u8, v.Ambient);
        w.WriteEndObject();
    }

    private static void WriteRlimit(Utf8JsonWriter w, Rlimit v)
    {
        w.WriteStartObject();
        String(w, "type"u8, v.Type);
        w.WriteNumber("hard"u8, v.Hard);
        w.WriteNumber("soft"u8, v.Soft);
        w.WriteEndObject();
    }

    private static void WriteScheduler(Utf8JsonWriter w, Scheduler v)
    {
        w.WriteStartObject();
        String(w, "policy"u8, v.Policy);
        Number(w, "nice"u8, v.Nice);
        Number(w, "priority"u8, v.Priority);
        Strings(w, "flags"u8, v.Flags);
        Number(w, "runtime"u8, v.Runtime);
        Number(w, "deadline"u8, v.Deadline);
        Number(w, "period"u8, v.Period);
        w.WriteEndObject();
    }

    private static void WriteIoPriority(Utf8JsonWriter w, IoPriority v)
    {
        w.WriteStartObject();
        String(w, "class"u8, v.Class);
        w.WriteNumber("priority"u8, v.Priority);
        w.WriteEndObject();
    }

    private static void WriteExecCpuAffinity(Utf8JsonWriter w, ExecCpuAffinity v)
    {
        w.WriteStartObject();
        String(w, "initial"u8, v.Initial);
        String(w, "final"u8, v.Final);
        w.WriteEndObject();
    }

    private static void WriteRoot(Utf8JsonWriter w, Root v)
    {
        w.WriteStartObject();
        String(w, "path"u8, v.Path);
        w.WriteBoolean("readonly"u8, v.Readonly);
        w.WriteEndObject();
    }

    private static void WriteMount(Utf8JsonWriter w, Mount v)
    {
        w.WriteStartObject();
        String(w, "destination"u8, v.Destination);
        String(w, "type"u8, v.Type);
        String(w, "source"u8, v.Source);
        Strings(w, "options"u8, v.Options);
        Objects(w, "uidMappings"u8, v.UidMappings, WriteIdMapping);
        Objects(w, "gidMappings"u8, v.GidMappings, WriteIdMapping);
        w.WriteEndObject();
    }

    private static void WriteIdMapping(Utf8JsonWriter w, IdMapping v)
    {
        w.WriteStartObject();
        w.WriteNumber("containerID"u8, v.ContainerID);
        w.WriteNumber("hostID"u8, v.HostID);
        w.WriteNumber("size"u8, v.Size);
        w.WriteEndObject();
    }

    private static void WriteHooks(Utf8JsonWriter w, Hooks v)
    {
        w.WriteStartObject();
        Objects(w, "prestart"u8, v.Prestart, WriteHook);
        Objects(w, "createRuntime"u8, v.CreateRuntime, WriteHook);
        Objects(w, "createContainer"u8, v.CreateContainer, WriteHook);
        Objects(w, "startContainer"u8, v.StartContainer, WriteHook);
        Objects(w, "poststart"u8, v.Poststart, WriteHook);
        Objects(w, "poststop"u8, v.Poststop, WriteHook);
        w.WriteEndObject();
    }

    private static void WriteHook(Utf8JsonWriter w, Hook v)
    {
        w.WriteStartObject();
        String(w, "path"u8, v.Path);
        Strings(w, "args"u8, v.Args);
        Strings(w, "env"u8, v.Env);
        Number(w, "timeout"u8, v.Timeout);
        w.WriteEndObject();
    }

    public static void WriteState(Utf8JsonWriter w, OciState v)
    {
        w.WriteStartObject();
        String(w, "ociVersion"u8, v.OciVersion);
        String(w, "id"u8, v.Id);
        String(w, "status"u8, v.Status);
        w.WriteNumber("pid"u8, v.Pid);
        String(w, "bundle"u8, v.Bundle);
        StringMap(w, "annotations"u8, v.Annotations);
        w.WriteEndObject();
    }
}
