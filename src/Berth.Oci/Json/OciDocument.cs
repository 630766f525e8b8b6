using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Berth.Oci.Json;

/// <summary>Reads one OCI JSON document with the source-generated context, turning every failure into one clear <see cref="InvalidSpecException"/>.</summary>
internal static class OciDocument
{
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
