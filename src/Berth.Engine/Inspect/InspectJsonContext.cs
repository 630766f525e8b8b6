using System.Text.Json.Serialization;

namespace Berth.Engine.Inspect;

/// <summary>Docker's inspect JSON: PascalCase names as declared, indented, a list of objects.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<ContainerInspect>))]
public sealed partial class InspectJsonContext : JsonSerializerContext
{
    /// <summary>Like docker: '&gt;', '&amp;', '+' written as they are, not as \u escapes.</summary>
    public static InspectJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
