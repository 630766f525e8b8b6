using System.Text.Json.Serialization;
using Berth.Cli.Commands.Image;

namespace Berth.Cli.Commands;

/// <summary>Source-generated JSON for the CLI's own output documents (docker's PascalCase field names).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ImageInspect>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Like docker: '+', '<', '&amp;' written as they are, not as \u escapes.</summary>
    internal static CliJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
