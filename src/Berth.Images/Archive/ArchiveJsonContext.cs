using System.Text.Json.Serialization;

namespace Berth.Images.Archive;

/// <summary>
/// Source-generated JSON for docker-archive's own files: manifest.json (PascalCase names, as Docker writes them)
/// and repositories (<c>{"busybox":{"1.36":"LAYER-ID"}}</c>).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<DockerArchiveEntry>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class ArchiveJsonContext : JsonSerializerContext
{
}
