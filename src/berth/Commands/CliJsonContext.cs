using System.Text.Json.Serialization;
using Berth.Cli.Commands.Image;

namespace Berth.Cli.Commands;

/// <summary>Source-generated JSON for the CLI's own output documents (docker's PascalCase field names).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ImageInspect>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
