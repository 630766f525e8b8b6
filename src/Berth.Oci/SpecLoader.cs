using System.Text;
using Berth.Oci.Json;
using Berth.Oci.Spec;
using OciSpec = Berth.Oci.Spec.Spec;

namespace Berth.Oci;

/// <summary>
/// Reads OCI documents: a bundle's config.json, an <c>exec --process</c> file, a state document. Every
/// failure is one line: the bundle or file, and for bad JSON the 1-based line, the field and what was
/// wrong ("config.json line 7: process.user.uid: expected a number, got a string").
/// </summary>
public static class SpecLoader
{
    public const string ConfigFileName = "config.json";

    /// <summary>Reads and parses <c>&lt;bundleDir&gt;/config.json</c> (no validation: see <see cref="SpecValidator"/>).</summary>
    public static OciSpec Load(string bundleDir)
    {
        string bundle = Path.GetFullPath(bundleDir);
        if (!Directory.Exists(bundle))
        {
            throw new BerthException($"bundle {bundle}: no such directory");
        }
        string path = Path.Combine(bundle, ConfigFileName);
        if (!File.Exists(path))
        {
            throw new InvalidSpecException($"bundle {bundle}: {ConfigFileName} not found (write one with 'berth-runtime spec')");
        }
        return ParseUtf8(OciDocument.ReadUtf8(path), path);
    }

    /// <summary>Parses config.json text; <paramref name="sourceName"/> starts every error message.</summary>
    public static OciSpec Parse(string json, string sourceName) => ParseUtf8(Encoding.UTF8.GetBytes(json), sourceName);

    /// <summary>Parses config.json as UTF-8 with <see cref="SpecJsonReader"/>; only an invalid document meets System.Text.Json, for its message.</summary>
    public static OciSpec ParseUtf8(ReadOnlySpan<byte> utf8, string sourceName) =>
        OciDocument.Parse(utf8, sourceName, SpecJsonReader.TryParseSpec, static () => OciJsonContext.Default.Spec);

    /// <summary>Reads a process document (<c>exec --process FILE</c>); a missing or unreadable file names the path.</summary>
    public static Process LoadProcess(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new BerthException($"process file {full}: no such file");
        }
        return ParseProcessUtf8(OciDocument.ReadUtf8(full), full);
    }

    /// <summary>Parses a process document (the "process" object of config.json on its own).</summary>
    public static Process ParseProcess(string json, string sourceName) => ParseProcessUtf8(Encoding.UTF8.GetBytes(json), sourceName);

    public static Process ParseProcessUtf8(ReadOnlySpan<byte> utf8, string sourceName) =>
        OciDocument.Parse(utf8, sourceName, SpecJsonReader.TryParseProcess, static () => OciJsonContext.Default.Process);

    /// <summary>Parses a linux.resources object on its own (`update --resources`).</summary>
    public static Spec.Resources ParseResources(string json, string sourceName) =>
        OciDocument.Parse(Encoding.UTF8.GetBytes(json), sourceName, SpecJsonReader.TryParseResources, static () => OciJsonContext.Default.Resources);

    /// <summary>Parses an OCI state document (runtime.md "State").</summary>
    public static State ParseState(string json, string sourceName) => ParseStateUtf8(Encoding.UTF8.GetBytes(json), sourceName);

    public static State ParseStateUtf8(ReadOnlySpan<byte> utf8, string sourceName) =>
        OciDocument.Parse(utf8, sourceName, SpecJsonReader.TryParseState, static () => OciJsonContext.Default.State);
}
