using System.Buffers;
using System.Text.Json;
using Berth.Oci;
using Berth.Oci.Json;
using Berth.Runtime.Seccomp;
using R = Berth.Oci.Json.SpecJsonReader;
using W = Berth.Oci.Json.SpecJsonWriter;

namespace Berth.Runtime.Process;

/// <summary>
/// The Config message (runtime → init): <see cref="InitConfig"/> as compact JSON, written and read by hand
/// (the spec through <see cref="SpecJsonWriter"/>/<see cref="SpecJsonReader"/>) so that neither process
/// builds System.Text.Json metadata for the whole spec graph, which is most of a short container's start-up
/// CPU in NativeAOT. Both ends are the same binary: a message that does not decode is a bug, said as such.
/// </summary>
internal static class InitConfigCodec
{
    /// <summary>Only the init reads this message: the least escaping JSON needs (<see cref="MinimalJsonEncoder"/>).</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = MinimalJsonEncoder.Instance };

    internal static byte[] Encode(InitConfig c)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            W.Object(w, "spec"u8, c.Spec, W.WriteSpec);
            W.String(w, "mode"u8, c.Mode);
            W.String(w, "id"u8, c.Id);
            W.String(w, "bundle"u8, c.Bundle);
            W.String(w, "rootfs"u8, c.Rootfs);
            W.String(w, "fifoPath"u8, c.FifoPath);
            w.WriteBoolean("noPivot"u8, c.NoPivot);
            w.WriteNumber("preserveFds"u8, c.PreserveFds);
            w.WriteNumber("consoleSocketFd"u8, c.ConsoleSocketFd);
            W.String(w, "cgroupMode"u8, c.CgroupMode);
            W.StringMap(w, "cgroupHierarchies"u8, c.CgroupHierarchies);
            W.StringMap(w, "cgroupPaths"u8, c.CgroupPaths);
            W.Object(w, "seccomp"u8, c.Seccomp, WriteSeccomp);
            w.WriteBoolean("trace"u8, c.Trace);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    internal static InitConfig Decode(ReadOnlySpan<byte> payload) =>
        R.TryParse(payload, ReadConfig) ?? throw new BerthException("init: the config message from the runtime does not decode (runtime and init differ?)");

    private static InitConfig? ReadConfig(ref Utf8JsonReader r)
    {
        if (!R.BeginObject(ref r)) return null;
        var c = new InitConfig();
        while (R.NextProperty(ref r))
        {
            if (R.Is(ref r, "spec"u8)) c.Spec = R.ReadSpec(ref r)!;
            else if (R.Is(ref r, "mode"u8)) c.Mode = R.String(ref r)!;
            else if (R.Is(ref r, "id"u8)) c.Id = R.String(ref r)!;
            else if (R.Is(ref r, "bundle"u8)) c.Bundle = R.String(ref r)!;
            else if (R.Is(ref r, "rootfs"u8)) c.Rootfs = R.String(ref r)!;
            else if (R.Is(ref r, "fifoPath"u8)) c.FifoPath = R.String(ref r)!;
            else if (R.Is(ref r, "noPivot"u8)) c.NoPivot = R.Bool(ref r);
            else if (R.Is(ref r, "preserveFds"u8)) c.PreserveFds = R.Int32(ref r);
            else if (R.Is(ref r, "consoleSocketFd"u8)) c.ConsoleSocketFd = R.Int32(ref r);
            else if (R.Is(ref r, "cgroupMode"u8)) c.CgroupMode = R.String(ref r)!;
            else if (R.Is(ref r, "cgroupHierarchies"u8)) c.CgroupHierarchies = R.StringMap(ref r)!;
            else if (R.Is(ref r, "cgroupPaths"u8)) c.CgroupPaths = R.StringMap(ref r)!;
            else if (R.Is(ref r, "seccomp"u8)) c.Seccomp = ReadSeccomp(ref r);
            else if (R.Is(ref r, "trace"u8)) c.Trace = R.Bool(ref r);
            else throw new JsonException("unknown property in the config message");
        }
        return c;
    }

    private static void WriteSeccomp(Utf8JsonWriter w, SeccompProgram p)
    {
        w.WriteStartObject();
        w.WriteBase64String("filter"u8, p.Filter);
        w.WriteNumber("flags"u8, p.Flags);
        W.String(w, "defaultAction"u8, p.DefaultAction);
        w.WriteEndObject();
    }

    private static SeccompProgram? ReadSeccomp(ref Utf8JsonReader r)
    {
        if (!R.BeginObject(ref r)) return null;
        var p = new SeccompProgram();
        while (R.NextProperty(ref r))
        {
            if (R.Is(ref r, "filter"u8)) p.Filter = r.GetBytesFromBase64();
            else if (R.Is(ref r, "flags"u8)) p.Flags = R.UInt32(ref r);
            else if (R.Is(ref r, "defaultAction"u8)) p.DefaultAction = R.String(ref r)!;
            else throw new JsonException("unknown property in the config message's seccomp");
        }
        return p;
    }
}
