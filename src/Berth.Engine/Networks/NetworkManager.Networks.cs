using Berth.Network;
using Berth.Network.Ipam;

namespace Berth.Engine.Networks;

public sealed partial class NetworkManager
{
    private static readonly string[] Reserved = [NetworkDefinition.DefaultName, "default", NetworkMode.Host, NetworkMode.None];

    /// <summary>
    /// `network create [--driver bridge] [--subnet CIDR] [--gateway IP] [--internal] [-o com.docker.network.bridge.name=IF] NAME`:
    /// checked, then one row; the bridge appears with the first container and stays until `network rm` (<see cref="HoldBridge"/>).
    /// </summary>
    public NetworkDefinition Create(string name, string? subnet, string? gateway, bool @internal, string? driver, string? bridgeName = null)
    {
        if (Reserved.Contains(name)) throw new EngineException($"network name {name} is reserved for a pre-defined network: choose another name", 1);
        if (!IsValidName(name)) throw new EngineException($"invalid network name \"{name}\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", 1);
        if (driver is not (null or "bridge")) throw new EngineException($"network driver \"{driver}\" is not supported: berth networks use the bridge driver", 1);
        if (gateway is not null && subnet is null) throw new EngineException("--gateway needs --subnet (the gateway must be an address of the subnet)", 1);
        if (bridgeName is not null && !IsValidInterfaceName(bridgeName)) throw new EngineException($"invalid bridge name \"{bridgeName}\": an interface name has 1 to 15 characters, none of them '/', ':' or white space", 1);
        return CreateNetwork(name, subnet, gateway, @internal, dns: true, bridgeName);
    }

    private NetworkDefinition CreateNetwork(string name, string? subnetText, string? gatewayText, bool @internal, bool dns, string? bridgeName)
    {
        NetworkDefinition? made = null;
        var claimed = new List<string>();
        try
        {
            Store.InTransaction(() =>
            {
                if (Store.FindNetwork(name) is { Name: var n } && n == name) throw new EngineException($"network with name {name} already exists", 1);
                var networks = Store.Networks();
                var subnet = ChooseSubnet(subnetText, networks);
                claimed.Add(HostClaims.SubnetKey(subnet));
                string bridge = bridgeName is null ? FreeBridgeName(networks) : ClaimBridgeName(bridgeName, networks);
                claimed.Add(HostClaims.BridgeKey(bridge));
                uint gateway = subnet.At(1);
                if (gatewayText is not null)
                {
                    if (!Ipv4Subnet.TryParseAddress(gatewayText, out gateway)) throw new EngineException($"invalid --gateway {gatewayText}: not an IPv4 address", 1);
                    if (!subnet.Contains(gateway) || gateway == subnet.Network || gateway == subnet.Broadcast) throw new EngineException($"invalid --gateway {gatewayText}: it must be a host address of the subnet {subnet}", 1);
                }
                made = new NetworkDefinition
                {
                    Id = NewId(), Name = name, Interface = bridge, Subnet = subnet.ToString(), Gateway = Ipv4Subnet.Format(gateway),
                    Internal = @internal, DnsEnabled = dns, Created = DateTimeOffset.UtcNow,
                };
                Store.Insert(made);
            });
        }
        catch
        {
            claimed.ForEach(Claims.Release);
            throw;
        }
        return made!;
    }

    /// <summary>The asked subnet if it overlaps no berth network and no host route; else the first free /24 of the pool.</summary>
    private Ipv4Subnet ChooseSubnet(string? text, List<NetworkDefinition> networks)
    {
        var ours = networks.Select(n => (n.Name, Subnet: Ipv4Subnet.Parse(n.Subnet))).ToList();
        var routes = HostRoutes.Read().Where(r => !networks.Any(n => n.Interface == r.Interface)).ToList();
        if (text is null)
        {
            var taken = new List<Ipv4Subnet>([.. ours.Select(o => o.Subnet), .. routes.Select(r => r.Subnet), .. Claims.OthersSubnets()]);
            while (SubnetPool.PickFree(SubnetPool.Default, 24, taken) is { } free)
            {
                if (Claims.TryClaim(HostClaims.SubnetKey(free))) return free;
                taken.Add(free);
            }
            throw new EngineException($"no free /24 left in {SubnetPool.Default} for a new network: remove unused networks (berth network prune) or give --subnet", 1);
        }
        Ipv4Subnet subnet;
        try
        {
            subnet = Ipv4Subnet.Parse(text);
        }
        catch (FormatException e)
        {
            throw new EngineException(e.Message, 1);
        }
        foreach (var (name, other) in ours.Where(o => o.Subnet.Overlaps(subnet))) throw new EngineException($"invalid --subnet {subnet}: it overlaps the subnet {other} of network {name}: choose another subnet", 1);
        foreach (var (iface, route) in routes.Where(r => r.Subnet.Overlaps(subnet))) throw new EngineException($"invalid --subnet {subnet}: it overlaps the host's route {route} on {iface}: choose another subnet", 1);
        foreach (var other in Claims.OthersSubnets().Where(o => o.Overlaps(subnet))) throw new EngineException($"invalid --subnet {subnet}: it overlaps the subnet {other} of another berth root's network: choose another subnet", 1);
        if (!Claims.TryClaim(HostClaims.SubnetKey(subnet))) throw new EngineException($"invalid --subnet {subnet}: another berth root uses it: choose another subnet", 1);
        return subnet;
    }

    /// <summary>berth0, berth1, ...: the first name no berth network has and no host interface uses.</summary>
    private string FreeBridgeName(List<NetworkDefinition> networks)
    {
        for (int i = 0; ; i++)
        {
            string name = "berth" + i;
            if (!networks.Any(n => n.Interface == name) && !Directory.Exists(Path.Combine("/sys/class/net", name)) && Claims.TryClaim(HostClaims.BridgeKey(name))) return name;
        }
    }

    /// <summary>A bridge name given by the user: not another network's, not an interface the host has.</summary>
    private string ClaimBridgeName(string name, List<NetworkDefinition> networks)
    {
        if (networks.FirstOrDefault(n => n.Interface == name) is { } other) throw new EngineException($"bridge name {name} is already used by network {other.Name}: choose another name", 1);
        if (Directory.Exists(Path.Combine("/sys/class/net", name))) throw new EngineException($"bridge name {name} is already an interface on the host: choose another name", 1);
        if (!Claims.TryClaim(HostClaims.BridgeKey(name))) throw new EngineException($"bridge name {name} is already used by another berth root's network: choose another name", 1);
        return name;
    }

    /// <summary>What Linux accepts as an interface name (dev_valid_name): 1-15 bytes, no '/', ':' or white space, not "." or "..".</summary>
    internal static bool IsValidInterfaceName(string name) =>
        name.Length is > 0 and <= 15 && name is not ("." or "..") && name.All(c => c > ' ' && c < 127 && c is not ('/' or ':'));

    /// <summary>Docker's rule for network names.</summary>
    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    public List<NetworkDefinition> List() => Store.Networks();

    /// <summary>`network rm`: refused for "bridge" and for a network any container (running or not) is on.</summary>
    public void Remove(string idOrName, Func<string, string> containerName)
    {
        RemoveNetwork(idOrName, containerName);
        RemoveIdleFirewallIfIdle();
    }

    private void RemoveNetwork(string idOrName, Func<string, string> containerName)
    {
        var network = Store.FindNetwork(idOrName) ?? throw new EngineException($"network {idOrName} not found", 1);
        if (network.IsDefault) throw new EngineException($"{network.Name} is a pre-defined network and cannot be removed", 1);
        using var _ = Lock();
        Store.InTransaction(() =>
        {
            var users = Store.EndpointsOn(network.Id);
            if (users.Count > 0)
            {
                throw new EngineException($"network {network.Name} has active endpoints (containers {string.Join(", ", users.Select(u => containerName(u.ContainerId)))}): remove them or run 'berth network disconnect' first", 1);
            }
            Store.DeleteNetwork(network.Id);
        });
        ReleaseBridge(network);
        Claims.Release(HostClaims.SubnetKey(Ipv4Subnet.Parse(network.Subnet)));
        Claims.Release(HostClaims.BridgeKey(network.Interface));
    }

    /// <summary>The default network stays, but its bridge and chains go while no container is on it.</summary>
    private void ReleaseDefaultBridgeIfIdle()
    {
        if (Store.FindNetwork(NetworkDefinition.DefaultName) is not { } network) return;
        using var _ = Lock();
        if (Store.EndpointsOn(network.Id).Count == 0) ReleaseBridge(network);
    }

    private void RemoveIdleFirewallIfIdle()
    {
        if (Store.Sandboxes().Count > 0) return;
        using var _ = Lock();
        RemoveIdleFirewall();
    }

    /// <summary>
    /// `network prune`: every user-defined network no container is on (their names); the default network's bridge
    /// and chains while no container is on it (the network itself stays, as docker's); netavark's base chains too once idle.
    /// </summary>
    public List<string> Prune()
    {
        var removed = new List<string>();
        foreach (var network in Store.Networks().Where(n => !n.IsDefault && Store.EndpointsOn(n.Id).Count == 0))
        {
            try
            {
                RemoveNetwork(network.Id, id => id);
                removed.Add(network.Name);
            }
            catch (EngineException)
            {
                // a container joined it meanwhile
            }
        }
        ReleaseDefaultBridgeIfIdle();
        RemoveIdleFirewallIfIdle();
        return removed;
    }
}
