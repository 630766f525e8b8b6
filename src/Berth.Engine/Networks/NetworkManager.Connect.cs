using Berth.Engine.State;
using Berth.Network;
using Berth.Network.Netavark;

namespace Berth.Engine.Networks;

public sealed partial class NetworkManager
{
    /// <summary>
    /// `network connect [--alias A] [--ip IP] NETWORK CONTAINER`: a new endpoint (eth1, eth2, ...); when the
    /// container runs, its interface is set up at once (an address leased, netavark setup for that network only).
    /// </summary>
    public void Connect(ContainerRecord c, string networkName, NetworkMode mode, IReadOnlyList<string> aliases, string? ip)
    {
        if (!mode.IsBridge) throw new EngineException($"container {c.Name} uses --network {mode.Kind}: it cannot be connected to other networks", 1);
        var network = Get(networkName);
        if (network.IsDefault && aliases.Count > 0) throw new EngineException("network-scoped aliases are supported only for containers in user-defined networks", 1);
        var existing = Store.Endpoints(c.Id);
        if (existing.Any(e => e.NetworkId == network.Id)) throw new EngineException($"endpoint with name {c.Name} already exists in network {network.Name}", 1);
        string iface = "eth" + existing.Select(e => int.TryParse(e.Interface.AsSpan(3), out int n) ? n + 1 : 0).DefaultIfEmpty(0).Max();
        Store.AddEndpoint(c.Id, network.Id, iface, aliases, ip);
        if (Store.FindSandbox(c.Id) is not { } sandbox) return;
        using var _ = Lock();
        var endpoint = Store.Endpoints(c.Id).Single(e => e.NetworkId == network.Id);
        try
        {
            Store.InTransaction(() => endpoint = AllocateAddress(c.Id, endpoint).Item2);
            var status = Backend.Setup(sandbox.NetnsPath, NetavarkConfig.Build(c.Id, c.Name, [(network, Endpoint(network, endpoint))], [], []));
            HoldBridge(network);
            Store.SetAddress(c.Id, network.Id, endpoint.Ip, status.GetValueOrDefault(network.Name)?.Interfaces?.GetValueOrDefault(iface)?.MacAddress);
        }
        catch
        {
            Store.DeleteEndpoint(c.Id, network.Id);
            throw;
        }
    }

    /// <summary>`network disconnect NETWORK CONTAINER`: the interface torn down if the container runs, the endpoint gone.</summary>
    public void Disconnect(ContainerRecord c, string networkName)
    {
        var network = Store.FindNetwork(networkName) ?? throw new EngineException($"network {networkName} not found", 1);
        var endpoints = Store.Endpoints(c.Id);
        var endpoint = endpoints.FirstOrDefault(e => e.NetworkId == network.Id) ?? throw new EngineException($"container {c.Name} is not connected to network {network.Name}", 1);
        if (Store.FindSandbox(c.Id) is { } sandbox && endpoint.Ip is not null)
        {
            using var _ = Lock();
            var options = Options(c.Id, c.Name, network, endpoint, endpoints[0] == endpoint ? PublishedPorts(c.Id) : []);
            if (Backend.Teardown(sandbox.NetnsPath, options) is { } error) throw new EngineException($"disconnecting {c.Name} from {network.Name} failed: netavark: {error}", 1);
        }
        Store.DeleteEndpoint(c.Id, network.Id);
    }
}
