using System.Text.Json.Serialization;

namespace Berth.Engine.Inspect;

/// <summary>Docker's inspect JSON: PascalCase names as declared, indented, a list of objects.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<ContainerInspect>))]
public sealed partial class InspectJsonContext : JsonSerializerContext
{
}
