using System.Text.Json.Serialization;
using Berth.Oci.Spec;
using FeaturesDocument = Berth.Oci.Features.Features;

namespace Berth.Oci;

/// <summary>Source-generated JSON for every OCI document Berth reads or writes (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(Spec.Spec))]
[JsonSerializable(typeof(State))]
[JsonSerializable(typeof(Resources))]
[JsonSerializable(typeof(Spec.Process))]
[JsonSerializable(typeof(FeaturesDocument))]
public sealed partial class OciJsonContext : JsonSerializerContext
{
}
