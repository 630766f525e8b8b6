using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Berth.Oci.Json;

/// <summary>A fast reader of one document kind: the value, or null when the document is invalid.</summary>
internal delegate T? FastDocumentReader<T>(ReadOnlySpan<byte> utf8) where T : class;

/// <summary>Reads one OCI JSON document with the source-generated context, turning every failure into one clear <see cref="InvalidSpecException"/>.</summary>
internal static class OciDocument
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The hot path: <paramref name="fast"/> (<see cref="SpecJsonReader"/>, no System.Text.Json metadata) reads
    /// the document; only when it says the document is invalid does the source-generated context read it
    /// again, for the precise message (<paramref name="slow"/> is a function: merely getting a JsonTypeInfo
    /// builds its metadata, which is the cost this avoids). That the slow path accepts what the fast one refused is a Berth bug,
    /// said as such, never papered over (but for bytes that are not UTF-8, which the slow path decodes lossily
    /// as File.ReadAllText always did).
    /// </summary>
    internal static T Parse<T>(ReadOnlySpan<byte> utf8, string sourceName, FastDocumentReader<T> fast, Func<JsonTypeInfo<T>> slow) where T : class
    {
        if (utf8.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        if (fast(utf8) is { } value) return value;
        T accepted = Parse(Encoding.UTF8.GetString(utf8), sourceName, slow());
        if (!Utf8.IsValid(utf8)) return accepted;
        throw new InvalidSpecException(
            $"{sourceName}: Berth's JSON reader refused a document System.Text.Json accepts (a bug in Berth.Oci.Json.SpecJsonReader: please report it with the document)");
    }

    internal static T Parse<T>(string json, string sourceName, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidSpecException($"{sourceName}: the document is empty (expected a JSON object)");
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException e)
        {
            throw JsonErrorDescriber.Describe(e, json, sourceName, typeInfo);
        }
        return value ?? throw new InvalidSpecException($"{sourceName} line 1: expected an object, got null");
    }

    /// <summary>The bytes of <paramref name="path"/> as UTF-8 (a UTF-16 or UTF-32 file, marked by its BOM, is converted); failing to read it is a <see cref="BerthException"/> naming the file.</summary>
    internal static byte[] ReadUtf8(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BerthException($"read {path}: {e.Message}", e);
        }
        bool otherBom = bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE));
        return otherBom ? Encoding.UTF8.GetBytes(ReadText(path)) : bytes;
    }

    /// <summary>The text of <paramref name="path"/>; failing to read it is a <see cref="BerthException"/> naming the file.</summary>
    internal static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BerthException($"read {path}: {e.Message}", e);
        }
    }
}
