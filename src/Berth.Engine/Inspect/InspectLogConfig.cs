namespace Berth.Engine.Inspect;

/// <summary>HostConfig.LogConfig: always json-file, with its rotation limits.</summary>
public sealed class InspectLogConfig
{
    public string Type { get; set; } = "json-file";
    public Dictionary<string, string> Config { get; set; } = [];
}
