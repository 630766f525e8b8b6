using System.Buffers;
using System.Text.Json;
using Berth.Runtime.Process;
using R = Berth.Oci.Json.SpecJsonReader;
using W = Berth.Oci.Json.SpecJsonWriter;

namespace Berth.Runtime.State;

/// <summary>
/// state.json (<see cref="ContainerState"/>) and the `state`/`list` output (<see cref="RuncState"/>) written
/// and read by hand, like the OCI documents (<see cref="Oci.Json.SpecJsonReader"/>): every create, start,
/// run, state and delete reads or writes them, and building System.Text.Json metadata costs more than the
/// rest of a short command. The bytes are those <see cref="RuntimeJsonContext"/> writes (camelCase, declaration
/// order, nulls left out), so state.json files of either writer read the same; StateJsonTests hold the
/// two equal on an every-field sample. A state.json this reader refuses goes to the context, for its error.
/// </summary>
public static class StateJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>RuntimeJsonContext's reader options: System.Text.Json's defaults (no comments, no trailing commas).</summary>
    private static readonly JsonReaderOptions Strict = new();

    public static byte[] Encode(ContainerState s) => Write(s, default, WriteContainerState);

    /// <summary>state.json, or null when it is not a valid one (the caller asks System.Text.Json why).</summary>
    public static ContainerState? TryDecode(ReadOnlySpan<byte> utf8) => R.TryParse(utf8, ReadContainerState, Strict);

    /// <summary>`state ID`: indented, as runc prints it.</summary>
    public static string RuncStateText(RuncState s) => System.Text.Encoding.UTF8.GetString(Write(s, Indented, WriteRuncState));

    /// <summary>`list --format json`: an indented array.</summary>
    public static string RuncStatesText(List<RuncState> states) =>
        System.Text.Encoding.UTF8.GetString(Write(states, Indented, static (w, list) =>
        {
            w.WriteStartArray();
            foreach (var s in list) WriteRuncState(w, s);
            w.WriteEndArray();
        }));

    private static byte[] Write<T>(T value, JsonWriterOptions options, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            write(w, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteContainerState(Utf8JsonWriter w, ContainerState s)
    {
        w.WriteStartObject();
        W.String(w, "id"u8, s.Id);
        w.WriteNumber("pid"u8, s.Pid);
        w.WriteNumber("pidStartTime"u8, s.PidStartTime);
        W.String(w, "bundle"u8, s.Bundle);
        W.String(w, "rootfs"u8, s.Rootfs);
        w.WriteString("created"u8, s.Created);
        W.String(w, "owner"u8, s.Owner);
        W.StringMap(w, "annotations"u8, s.Annotations);
        W.String(w, "cgroupsPath"u8, s.CgroupsPath);
        W.StringMap(w, "cgroupPaths"u8, s.CgroupPaths);
        w.WriteBoolean("stopped"u8, s.Stopped);
        w.WriteEndObject();
    }

    private static ContainerState? ReadContainerState(ref Utf8JsonReader r)
    {
        if (!R.BeginObject(ref r)) return null;
        var s = new ContainerState();
        while (R.NextProperty(ref r))
        {
            if (R.Is(ref r, "id"u8)) s.Id = R.String(ref r)!;
            else if (R.Is(ref r, "pid"u8)) s.Pid = R.Int32(ref r);
            else if (R.Is(ref r, "pidStartTime"u8)) s.PidStartTime = R.UInt64(ref r);
            else if (R.Is(ref r, "bundle"u8)) s.Bundle = R.String(ref r)!;
            else if (R.Is(ref r, "rootfs"u8)) s.Rootfs = R.String(ref r)!;
            else if (R.Is(ref r, "created"u8)) s.Created = r.GetDateTime();
            else if (R.Is(ref r, "owner"u8)) s.Owner = R.String(ref r)!;
            else if (R.Is(ref r, "annotations"u8)) s.Annotations = R.StringMap(ref r);
            else if (R.Is(ref r, "cgroupsPath"u8)) s.CgroupsPath = R.String(ref r);
            else if (R.Is(ref r, "cgroupPaths"u8)) s.CgroupPaths = R.StringMap(ref r)!;
            else if (R.Is(ref r, "stopped"u8)) s.Stopped = R.Bool(ref r);
            else r.Skip();
        }
        return s;
    }

    private static void WriteRuncState(Utf8JsonWriter w, RuncState s)
    {
        w.WriteStartObject();
        W.String(w, "ociVersion"u8, s.OciVersion);
        W.String(w, "id"u8, s.Id);
        w.WriteNumber("pid"u8, s.Pid);
        W.String(w, "status"u8, s.Status);
        W.String(w, "bundle"u8, s.Bundle);
        W.String(w, "rootfs"u8, s.Rootfs);
        w.WriteString("created"u8, s.Created);
        W.String(w, "owner"u8, s.Owner);
        W.StringMap(w, "annotations"u8, s.Annotations);
        w.WriteEndObject();
    }
}
