using System.Text.Json.Serialization;
using Berth.Engine.Info;

namespace Berth.Cli.Commands.SystemCommands;

/// <summary>Single-line JSON for `info`, `version` and `system df` with --format json (docker prints one line too).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EngineInfo))]
[JsonSerializable(typeof(VersionReport))]
[JsonSerializable(typeof(DiskUsageEntry))]
internal sealed partial class SystemJsonContext : JsonSerializerContext
{
}

/// <summary>One line of `system df --format json`, docker's field names (all strings, as docker prints them).</summary>
internal sealed class DiskUsageEntry
{
    public string Active { get; set; } = "";
    public string Reclaimable { get; set; } = "";
    public string Size { get; set; } = "";
    public string TotalCount { get; set; } = "";
    public string Type { get; set; } = "";
}
