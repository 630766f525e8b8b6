using System.Text.Json.Serialization;

namespace Berth.Network.Netavark;

// netavark's JSON protocol (1.4, src/network/types.rs): `netavark setup|teardown NETNS` reads
// NetworkOptions and `setup` prints a map network name → StatusBlock. Names are netavark's (snake_case).

/// <summary>Everything netavark needs for one container: per network the options and the network itself.</summary>
public sealed class NetworkOptions
{
    public string ContainerId { get; set; } = "";
    public string ContainerName { get; set; } = "";
    public Dictionary<string, PerNetworkOptions> Networks { get; set; } = [];
    public Dictionary<string, NetworkInfo> NetworkInfo { get; set; } = [];
    public List<PortMappingJson>? PortMappings { get; set; }
    /// <summary>Upstream servers aardvark-dns uses for this container's non-container names (--dns).</summary>
    public List<string>? DnsServers { get; set; }
}

/// <summary>The container's side of one network: interface name, its address (berth does the IPAM), DNS aliases.</summary>
public sealed class PerNetworkOptions
{
    public string InterfaceName { get; set; } = "eth0";
    public List<string>? StaticIps { get; set; }
    public List<string>? Aliases { get; set; }
}

/// <summary>A network as netavark sees it (podman's types.Network).</summary>
public sealed class NetworkInfo
{
    public string Name { get; set; } = "";
    public string Id { get; set; } = "";
    public string Driver { get; set; } = "bridge";
    public string NetworkInterface { get; set; } = "";
    public List<SubnetJson> Subnets { get; set; } = [];
    public bool Ipv6Enabled { get; set; }
    public bool Internal { get; set; }
    public bool DnsEnabled { get; set; }
    public Dictionary<string, string>? IpamOptions { get; set; }
}

public sealed class SubnetJson
{
    public string Subnet { get; set; } = "";
    public string? Gateway { get; set; }
}

public sealed class PortMappingJson
{
    public string HostIp { get; set; } = "";
    public int ContainerPort { get; set; }
    public int HostPort { get; set; }
    public int Range { get; set; } = 1;
    public string Protocol { get; set; } = "tcp";
}

/// <summary>What setup made for one network: the interfaces with their MAC and addresses, the DNS servers.</summary>
public sealed class StatusBlock
{
    public List<string>? DnsSearchDomains { get; set; }
    public List<string>? DnsServerIps { get; set; }
    public Dictionary<string, NetInterface>? Interfaces { get; set; }
}

public sealed class NetInterface
{
    public string MacAddress { get; set; } = "";
    public List<NetAddress>? Subnets { get; set; }
}

public sealed class NetAddress
{
    public string? Gateway { get; set; }
    public string Ipnet { get; set; } = "";
}

/// <summary>netavark's error output: {"error":"..."}.</summary>
public sealed class NetavarkError
{
    public string Error { get; set; } = "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NetworkOptions))]
[JsonSerializable(typeof(Dictionary<string, StatusBlock>))]
[JsonSerializable(typeof(NetavarkError))]
[JsonSerializable(typeof(List<PortMappingJson>))]
public sealed partial class NetavarkJsonContext : JsonSerializerContext
{
}
