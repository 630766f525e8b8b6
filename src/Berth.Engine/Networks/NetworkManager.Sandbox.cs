using System.Text.Json;
using Berth.Engine.State;
using Berth.Network;
using Berth.Network.Ipam;
using Berth.Network.Namespaces;
using Berth.Network.Netavark;
using Berth.Network.Ports;

namespace Berth.Engine.Networks;

public sealed partial class NetworkManager
{
    /// <summary>
    /// A container's network, made before its monitor starts: (1) in one write transaction, an address for each
    /// endpoint and the host ports (checked free, or picked), recorded with the sandbox row before anything exists
    /// on the host, so a crash at any later point is undone by <see cref="Teardown"/>; (2) the namespace file;
    /// (3) netavark setup per network (ports on the first). Any failure tears down what was made and throws.
    /// </summary>
    public SandboxResult Setup(ContainerRecord c, IReadOnlyList<PortMapping> requested, IReadOnlyList<string> dnsServers)
    {
        Teardown(c.Id); // a sandbox left by a crashed start
        using var _ = Lock();
        string netns = NetnsPath(c.Id);
        List<PortMapping> ports = [];
        List<(NetworkDefinition Network, EndpointRow Endpoint)> attached = [];
        Store.InTransaction(() =>
        {
            attached = AllocateAddresses(c.Id);
            ports = ResolvePorts(c.Id, requested);
            Store.InsertSandbox(c.Id, netns, JsonSerializer.Serialize(ports.Select(Json).ToList(), NetavarkJsonContext.Default.ListPortMappingJson));
        });
        var setUp = new HashSet<string>();
        try
        {
            NetworkNamespace.Create(netns);
            for (int i = 0; i < attached.Count; i++)
            {
                var (network, endpoint) = attached[i];
                var status = Backend.Setup(netns, NetavarkConfig.Build(c.Id, c.Name, [(network, Endpoint(network, endpoint))], i == 0 ? ports : [], dnsServers));
                setUp.Add(network.Id);
                HoldBridge(network);
                string? mac = status.GetValueOrDefault(network.Name)?.Interfaces?.GetValueOrDefault(endpoint.Interface)?.MacAddress;
                Store.SetAddress(c.Id, network.Id, endpoint.Ip, mac);
            }
        }
        catch
        {
            TeardownLocked(c.Id, setUp); // the failed network was undone by Backend.Setup itself: its teardown would only add errors
            throw;
        }
        return new SandboxResult(netns, attached.Select(a => (a.Network, a.Endpoint)).ToList(), ports);
    }

    /// <summary>
    /// Undoes <see cref="Setup"/>, whatever state it reached: netavark teardown per network (veth, port rules, DNS
    /// entries; the network keeps its bridge and chains, see <see cref="HoldBridge"/>), the namespace unmounted and
    /// deleted, addresses released, the sandbox row deleted. Safe to run twice and when nothing was set up.
    /// </summary>
    public void Teardown(string containerId)
    {
        if (Store.FindSandbox(containerId) is null && Store.Endpoints(containerId).All(e => e.Ip is null)) return;
        using var _ = Lock();
        TeardownLocked(containerId);
    }

    /// <param name="only">the networks to run netavark teardown for; null: every leased one</param>
    private void TeardownLocked(string containerId, IReadOnlySet<string>? only = null)
    {
        var sandbox = Store.FindSandbox(containerId);
        if (sandbox is { } s && NetworkNamespace.IsMounted(s.NetnsPath))
        {
            var ports = JsonSerializer.Deserialize(s.Ports, NetavarkJsonContext.Default.ListPortMappingJson) ?? [];
            var endpoints = Store.Endpoints(containerId).Where(e => e.Ip is not null).ToList();
            for (int i = 0; i < endpoints.Count; i++)
            {
                if (only is not null && !only.Contains(endpoints[i].NetworkId)) continue;
                if (Store.FindNetwork(endpoints[i].NetworkId) is not { } network) continue;
                var options = Options(containerId, "", network, endpoints[i], []);
                if (i == 0) options.PortMappings = ports.Count > 0 ? ports : null;
                if (Backend.Teardown(s.NetnsPath, options) is { } error) Console.Error.WriteLine($"berth: network teardown of {containerId[..12]} on {network.Name}: {error}");
            }
        }
        if (sandbox is { } t) NetworkNamespace.Remove(t.NetnsPath);
        Store.InTransaction(() =>
        {
            Store.ReleaseAddresses(containerId);
            Store.DeleteSandbox(containerId);
        });
    }

    /// <summary>
    /// netavark's base chains and the jumps to them, once no netavark network on the host uses them (see
    /// <see cref="NetavarkChains"/>), for IPv4 and IPv6: after `network prune` or `network rm` a host where berth
    /// ran keeps nothing of it in iptables. Not done at each container's teardown: netavark would make them again
    /// (ten more iptables runs) at the next start.
    /// </summary>
    internal void RemoveIdleFirewall()
    {
        foreach (string family in new[] { "iptables", "ip6tables" }) RestoreFirewall(family, NetavarkChains.IdleCleanup, "removing netavark's idle chains");
    }

    /// <summary>Runs FAMILY-save, and FAMILY-restore --noflush with the script made from its output (nothing when null).</summary>
    private void RestoreFirewall(string family, Func<string, string?> script, string what)
    {
        string? save = Sbin(family + "-save"), restore = Sbin(family + "-restore");
        if (save is null || restore is null) return;
        var saved = Processes.CommandRunner.Run([save]);
        if (saved.ExitCode != 0 || script(saved.Stdout) is not { } text) return;
        string file = Path.Combine(ConfigDirectory, family + ".cleanup");
        File.WriteAllText(file, text);
        var r = Processes.CommandRunner.Run([restore, "--noflush", file]);
        File.Delete(file);
        if (r.ExitCode != 0) Console.Error.WriteLine($"berth: {what} ({family}) failed: {r.Stderr.Trim()}");
    }

    private static string? Sbin(string name) => new[] { "/usr/sbin", "/sbin", "/usr/bin" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>A running container's networks and endpoints (with their addresses); null when it has no sandbox.</summary>
    public List<(NetworkDefinition Network, EndpointRow Endpoint)>? RunningEndpoints(string containerId) =>
        Store.FindSandbox(containerId) is null ? null
            : Store.Endpoints(containerId).Select(e => (Store.FindNetwork(e.NetworkId) ?? throw new NetworkNotFoundException(e.NetworkId), e)).ToList();

    /// <summary>An address for each endpoint: its --ip, else the lowest free one. Runs inside the write transaction.</summary>
    private List<(NetworkDefinition, EndpointRow)> AllocateAddresses(string containerId) =>
        Store.Endpoints(containerId).Select(e => AllocateAddress(containerId, e)).ToList();

    private (NetworkDefinition, EndpointRow) AllocateAddress(string containerId, EndpointRow e)
    {
        var network = Store.FindNetwork(e.NetworkId) ?? throw new NetworkNotFoundException(e.NetworkId);
        var subnet = Ipv4Subnet.Parse(network.Subnet);
        uint gateway = Ipv4Subnet.ParseAddress(network.Gateway);
        var used = Store.EndpointsOn(network.Id).Where(o => o.Ip is not null && o.ContainerId != containerId).Select(o => Ipv4Subnet.ParseAddress(o.Ip!)).ToHashSet();
        uint address;
        if (e.StaticIp is not null)
        {
            address = Ipv4Subnet.ParseAddress(e.StaticIp);
            if (AddressAllocator.CheckStatic(subnet, gateway, address, used) is { } why) throw new EngineException($"--ip {e.StaticIp} on network {network.Name}: {why}");
        }
        else
        {
            address = AddressAllocator.NextFree(subnet, gateway, used) ?? throw new EngineException($"no free address left in network {network.Name} ({subnet}): stop some of its containers or use a bigger subnet");
        }
        string ip = Ipv4Subnet.Format(address);
        Store.SetAddress(containerId, network.Id, ip, null);
        return (network, e with { Ip = ip });
    }

    /// <summary>Host ports as asked, each checked against other containers' and against the host's sockets; 0 → a free one.</summary>
    private List<PortMapping> ResolvePorts(string containerId, IReadOnlyList<PortMapping> requested)
    {
        var taken = Store.Sandboxes().Where(s => s.ContainerId != containerId)
            .SelectMany(s => (JsonSerializer.Deserialize(s.Ports, NetavarkJsonContext.Default.ListPortMappingJson) ?? []).Select(p => (s.ContainerId, Port: FromJson(p))))
            .SelectMany(t => t.Port.Expand().Select(p => (t.ContainerId, Port: p))).ToList();
        var resolved = new List<PortMapping>();
        foreach (var mapping in requested)
        {
            if (mapping.HostPort == 0)
            {
                var reserved = taken.Where(t => t.Port.Protocol == mapping.Protocol).Select(t => t.Port.HostPort).Concat(resolved.Select(r => r.HostPort)).ToHashSet();
                resolved.Add(mapping with { HostPort = PortProbe.PickFree(mapping.HostIp, mapping.Protocol, reserved) });
                continue;
            }
            foreach (var one in mapping.Expand())
            {
                var clash = taken.FirstOrDefault(t => t.Port.Protocol == one.Protocol && t.Port.HostPort == one.HostPort && (t.Port.HostIp.Length == 0 || one.HostIp.Length == 0 || t.Port.HostIp == one.HostIp));
                if (clash.Port is not null) throw new EngineException($"Bind for {one.HostSide()} failed: port is already allocated (by container {clash.ContainerId[..12]})");
                if (!PortProbe.IsFree(one.HostIp, one.HostPort, one.Protocol)) throw new EngineException($"Bind for {one.HostSide()} failed: port is already in use by another program on the host");
            }
            resolved.Add(mapping);
        }
        return resolved;
    }

    private static NetworkOptions Options(string id, string name, NetworkDefinition network, EndpointRow e, IReadOnlyList<PortMapping> ports) =>
        NetavarkConfig.Build(id, name, [(network, Endpoint(network, e))], ports, []);

    private static NetworkEndpoint Endpoint(NetworkDefinition network, EndpointRow e) => new(network.Name, e.Interface, e.Ip!, e.Aliases);

    internal static PortMappingJson Json(PortMapping p) => new() { HostIp = p.HostIp, HostPort = p.HostPort, ContainerPort = p.ContainerPort, Protocol = p.Protocol, Range = p.Range };

    internal static PortMapping FromJson(PortMappingJson p) => new(p.HostIp, p.HostPort, p.ContainerPort, p.Protocol, p.Range);

    /// <summary>The published ports of a running container (empty when it has none or is not running).</summary>
    public List<PortMapping> PublishedPorts(string containerId) =>
        Store.FindSandbox(containerId) is { } s ? (JsonSerializer.Deserialize(s.Ports, NetavarkJsonContext.Default.ListPortMappingJson) ?? []).Select(FromJson).ToList() : [];
}

/// <summary>What <see cref="NetworkManager.Setup"/> made: the namespace, each network with its endpoint (address set), the host ports.</summary>
public sealed record SandboxResult(string NetnsPath, List<(NetworkDefinition Network, EndpointRow Endpoint)> Endpoints, List<PortMapping> Ports);
