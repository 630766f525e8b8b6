using System.Text.Json.Serialization;
using Berth.Images.Content;
using Berth.Images.Distribution;

namespace Berth.Images.Manifest;

/// <summary>Source-generated JSON for the image documents and Berth's own image records (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(ImageRecordSet))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RegistryErrorBody))]
public sealed partial class ImagesJsonContext : JsonSerializerContext
{
}
