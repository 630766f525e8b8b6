using System.Text.Json.Serialization;
using Berth.Runtime.State;

namespace Berth.Runtime.Process;

/// <summary>
/// The source-generated model of state.json and the `state`/`list` output. The hot path reads and writes them
/// by hand (<see cref="StateJson"/>); this context reads a state.json that reader refuses (for the error) and
/// is the reference StateJsonTests hold the hand-written bytes equal to.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerState))]
[JsonSerializable(typeof(RuncState))]
[JsonSerializable(typeof(List<RuncState>))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext
{
}
