using System.Text.Json.Serialization;
using Berth.Cli.Commands.Image;

namespace Berth.Cli.Commands;

/// <summary>Single-line JSON (`images --format json` prints one object per line, like docker).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(ImageListEntry))]
[JsonSerializable(typeof(Berth.Cli.Commands.Container.ContainerListEntry))]
[JsonSerializable(typeof(Berth.Cli.Commands.Container.StatsEntry))]
internal sealed partial class CliLineJsonContext : JsonSerializerContext
{
    /// <summary>Like docker: '+', '<', '&amp;' written as they are, not as \u escapes.</summary>
    internal static CliLineJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
