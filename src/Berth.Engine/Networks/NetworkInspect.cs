using System.Text.Json.Serialization;

namespace Berth.Engine.Networks;

/// <summary>`berth network inspect`: docker's network JSON (the fields berth has), same names and shapes.</summary>
public sealed class NetworkInspect
{
    public string Name { get; set; } = "";
    public string Id { get; set; } = "";
    public string Created { get; set; } = "";
    public string Scope { get; set; } = "local";
    public string Driver { get; set; } = "bridge";
    public bool EnableIPv6 { get; set; }
    public NetworkIpam IPAM { get; set; } = new();
    public bool Internal { get; set; }
    public Dictionary<string, NetworkContainer> Containers { get; set; } = [];
    public Dictionary<string, string> Options { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = [];
}

public sealed class NetworkIpam
{
    public string Driver { get; set; } = "default";
    public List<Dictionary<string, string>> Config { get; set; } = [];
}

public sealed class NetworkContainer
{
    public string Name { get; set; } = "";
    public string MacAddress { get; set; } = "";
    public string IPv4Address { get; set; } = "";
    public string IPv6Address { get; set; } = "";
}

/// <summary>A container's NetworkSettings in `berth inspect`.</summary>
public sealed class NetworkSettings
{
    public Dictionary<string, List<PortBinding>?> Ports { get; set; } = [];
    public string IPAddress { get; set; } = "";
    public int IPPrefixLen { get; set; }
    public string Gateway { get; set; } = "";
    public string MacAddress { get; set; } = "";
    public string SandboxKey { get; set; } = "";
    public Dictionary<string, EndpointSettings> Networks { get; set; } = [];
}

public sealed class PortBinding
{
    public string HostIp { get; set; } = "";
    public string HostPort { get; set; } = "";
}

public sealed class EndpointSettings
{
    public List<string> Aliases { get; set; } = [];
    public string NetworkID { get; set; } = "";
    public string Gateway { get; set; } = "";
    public string IPAddress { get; set; } = "";
    public int IPPrefixLen { get; set; }
    public string MacAddress { get; set; } = "";
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(List<NetworkInspect>))]
[JsonSerializable(typeof(NetworkSettings))]
public sealed partial class NetworkJsonContext : JsonSerializerContext
{
}
