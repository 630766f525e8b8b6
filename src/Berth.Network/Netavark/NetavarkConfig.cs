using Berth.Network.Ipam;
using Berth.Network.Ports;

namespace Berth.Network.Netavark;

/// <summary>
/// Builds the JSON netavark takes for one container (as podman's libnetwork/netavark does): per network the
/// interface name, the address berth allocated (static_ips: netavark leaves IPAM to its caller) and the aliases
/// (DNS networks only), the network itself, the port mappings. Setup and teardown get the same document, rebuilt
/// from the database, so teardown removes exactly what setup made. Pure.
/// </summary>
public static class NetavarkConfig
{
    public static NetworkOptions Build(string containerId, string containerName, IEnumerable<(NetworkDefinition Network, NetworkEndpoint Endpoint)> attachments,
        IEnumerable<PortMapping> ports, IReadOnlyList<string> dnsServers)
    {
        var options = new NetworkOptions { ContainerId = containerId, ContainerName = containerName };
        foreach (var (network, endpoint) in attachments)
        {
            options.Networks[network.Name] = new PerNetworkOptions
            {
                InterfaceName = endpoint.Interface, StaticIps = [endpoint.Address],
                Aliases = network.DnsEnabled && endpoint.Aliases.Count > 0 ? [.. endpoint.Aliases] : null,
            };
            options.NetworkInfo[network.Name] = Info(network);
        }
        var mappings = ports.Select(p => new PortMappingJson { HostIp = p.HostIp, HostPort = p.HostPort, ContainerPort = p.ContainerPort, Protocol = p.Protocol, Range = p.Range }).ToList();
        options.PortMappings = mappings.Count > 0 ? mappings : null;
        options.DnsServers = dnsServers.Count > 0 ? [.. dnsServers] : null;
        return options;
    }

    public static NetworkInfo Info(NetworkDefinition network) => new()
    {
        Name = network.Name, Id = network.Id, Driver = network.Driver, NetworkInterface = network.Interface,
        Subnets = [new SubnetJson { Subnet = network.Subnet, Gateway = network.Gateway }],
        Internal = network.Internal, DnsEnabled = network.DnsEnabled,
        IpamOptions = new Dictionary<string, string> { ["driver"] = "host-local" },
    };

    /// <summary>The prefix length of the network's subnet, for "10.90.0.2/24" style output.</summary>
    public static int Prefix(NetworkDefinition network) => Ipv4Subnet.Parse(network.Subnet).Prefix;
}
