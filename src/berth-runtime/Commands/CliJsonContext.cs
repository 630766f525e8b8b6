using System.Text.Json.Serialization;
using Berth.Runtime.State;

namespace Berth.RuntimeCli.Commands;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RuncState))]
[JsonSerializable(typeof(List<RuncState>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
