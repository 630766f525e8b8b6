using System.Text.Json.Serialization;
using Berth.Engine.Specs;

namespace Berth.Engine;

/// <summary>Source-generated JSON for the engine's own documents (the config column, seccomp profile files).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ContainerConfig))]
[JsonSerializable(typeof(Berth.Oci.Spec.Seccomp))]
public sealed partial class EngineJsonContext : JsonSerializerContext
{
}
