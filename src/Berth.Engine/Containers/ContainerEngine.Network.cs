using System.Text.Json;
using Berth.Engine.Networks;
using Berth.Engine.Specs;
using Berth.Engine.State;
using Berth.Network;
using Berth.Network.Dns;
using Berth.Network.Ipam;
using Berth.Network.Ports;
using Berth.Oci;

namespace Berth.Engine.Containers;

/// <summary>
/// Networking in the container's life (docs/network.md): at create the endpoint rows (which network, aliases,
/// --ip) and the namespace path in config.json; at start the sandbox (<see cref="NetworkManager.Setup"/>) and
/// /etc/hosts and /etc/resolv.conf with the container's address; at exit, rm, failed start and recovery the
/// teardown.
/// </summary>
public sealed partial class ContainerEngine
{
    private NetworkManager? _networks;

    public NetworkManager Networks => _networks ??= new NetworkManager(Paths, new NetworkStore(Store.Connection));

    /// <summary>The pure network checks of create: -p, --expose, --add-host, --dns, --ip forms; conflicting modes.</summary>
    private static void ValidateNetwork(CreateOptions o)
    {
        var mode = SpecBuilder.CheckNetwork(o.Network);
        Check(() => o.Publish.ForEach(p => PortSpec.Parse(p)));
        Check(() => o.Expose.ForEach(p => PortSpec.Exposed(p)));
        Check(() => o.AddHost.ForEach(h => HostsFile.ParseExtraHost(h, "0.0.0.0")));
        foreach (string d in o.Dns.Where(d => !System.Net.IPAddress.TryParse(d, out _))) throw new InvalidOptionException($"invalid argument \"{d}\" for \"--dns\" flag: not an IP address");
        if (o.Ip is not null && !Ipv4Subnet.TryParseAddress(o.Ip, out _)) throw new InvalidOptionException($"invalid argument \"{o.Ip}\" for \"--ip\" flag: not an IPv4 address");
        if (mode.Kind == NetworkMode.Container && (o.Publish.Count > 0 || o.PublishAll)) throw new InvalidOptionException("conflicting options: port publishing and the container type network mode");
        if (mode.Kind == NetworkMode.Container && (o.Dns.Count > 0 || o.AddHost.Count > 0 || o.Hostname is not null)) throw new InvalidOptionException("conflicting options: --dns, --add-host and --hostname cannot be used with --network container:");
        if (!mode.IsBridge && (o.NetworkAliases.Count > 0 || o.Ip is not null)) throw new InvalidOptionException("--network-alias and --ip need a bridge network (--network NAME)");
    }

    private static void Check(Action parse)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            throw new InvalidOptionException(e.Message);
        }
    }

    /// <summary>The network named by --network, before anything is made: an unknown one fails here.</summary>
    private NetworkDefinition? ResolveNetwork(CreateOptions o)
    {
        var mode = NetworkMode.Parse(o.Network);
        if (!mode.IsBridge) return null;
        var network = Networks.Get(mode.Target);
        if (network.IsDefault && o.NetworkAliases.Count > 0) throw new InvalidOptionException("network-scoped aliases are supported only for containers in user-defined networks");
        return network;
    }

    /// <summary>The container's first endpoint (eth0) on its network.</summary>
    private void AttachNetwork(ContainerRecord c, CreateOptions o, NetworkDefinition? network)
    {
        if (network is null) return;
        Networks.Store.AddEndpoint(c.Id, network.Id, "eth0", o.NetworkAliases, o.Ip);
    }

    /// <summary>At start: the sandbox of a bridge container and its hosts/resolv.conf; for container:ID the other's namespace.</summary>
    private void SetupNetwork(ContainerRecord c, ContainerConfig config)
    {
        var o = config.Options;
        var mode = NetworkMode.Parse(o.Network);
        if (mode.Kind == NetworkMode.Container)
        {
            JoinContainerNetwork(c, mode.Target);
            return;
        }
        if (!mode.IsBridge)
        {
            WriteHostOrNoneFiles(c, o, host: mode.Kind == NetworkMode.Host);
            return;
        }
        var ports = o.Publish.SelectMany(PortSpec.Parse).ToList();
        if (o.PublishAll) ports.AddRange(config.ExposedPorts.Select(PortSpec.Exposed).Where(e => !ports.Any(p => p.Protocol == e.Protocol && p.ContainerPort <= e.ContainerPort && e.ContainerPort < p.ContainerPort + p.Range)));
        var sandbox = Networks.Setup(c, ports, o.Dns);
        try
        {
            WriteNetworkFiles(c, config, sandbox.Endpoints);
        }
        catch
        {
            Networks.Teardown(c.Id);
            throw;
        }
    }

    /// <summary>
    /// /etc/hosts (the container's address on each network, with its hostname, name and that network's aliases)
    /// and /etc/resolv.conf (the DNS server of each network that has one, else upstreams). Written in place:
    /// the running container sees the new content through its bind mounts of these files.
    /// </summary>
    private void WriteNetworkFiles(ContainerRecord c, ContainerConfig config, IReadOnlyList<(NetworkDefinition Network, EndpointRow Endpoint)> endpoints)
    {
        var o = config.Options;
        string dir = Paths.ContainerDirectory(c.Id);
        var extra = o.AddHost.Select(h => HostsFile.ParseExtraHost(h, endpoints.Count > 0 ? endpoints[0].Network.Gateway : null));
        var own = endpoints.Where(e => e.Endpoint.Ip is not null)
            .Select(e => (e.Endpoint.Ip!, (IReadOnlyList<string>)[config.Hostname, c.Name, .. e.Endpoint.Aliases]));
        File.WriteAllText(Path.Combine(dir, "hosts"), HostsFile.Build(extra, own));
        var host = ResolvConf.Parse(File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "");
        var networkDns = endpoints.Where(e => e.Network.DnsEnabled && e.Endpoint.Ip is not null).Select(e => e.Network.Gateway).Distinct().ToList();
        File.WriteAllText(Path.Combine(dir, "resolv.conf"), ResolvConf.Build(host, networkDns, o.Dns, o.DnsSearch, o.DnsOption));
    }

    /// <summary>
    /// `network connect`: the endpoint (set up at once when the container runs), and then, as docker does, the
    /// running container's /etc/hosts and resolv.conf rewritten for its networks now.
    /// </summary>
    public void Connect(string container, string network, IReadOnlyList<string> aliases, string? ip)
    {
        var c = Get(container);
        var config = ConfigOf(c);
        Networks.Connect(c, network, NetworkMode.Parse(config.Options.Network), aliases, ip);
        RewriteNetworkFiles(c, config);
    }

    /// <summary>`network disconnect`: the endpoint gone (torn down when running), the files rewritten without it.</summary>
    public void Disconnect(string container, string network)
    {
        var c = Get(container);
        Networks.Disconnect(c, network);
        RewriteNetworkFiles(c, ConfigOf(c));
    }

    private void RewriteNetworkFiles(ContainerRecord c, ContainerConfig config)
    {
        if (Networks.RunningEndpoints(c.Id) is { } endpoints) WriteNetworkFiles(c, config, endpoints);
    }

    /// <summary>
    /// --network host|none: the files EtcFiles wrote at create (the host's, or localhost only), rewritten at start
    /// only when --add-host or --dns flags ask for more: the entries appended, the resolv.conf lines replaced.
    /// </summary>
    private void WriteHostOrNoneFiles(ContainerRecord c, CreateOptions o, bool host)
    {
        string dir = Paths.ContainerDirectory(c.Id);
        if (o.AddHost.Count > 0)
        {
            string hosts = host && File.Exists("/etc/hosts") ? File.ReadAllText("/etc/hosts") : HostsFile.Base;
            if (hosts.Length > 0 && !hosts.EndsWith('\n')) hosts += "\n";
            File.WriteAllText(Path.Combine(dir, "hosts"), hosts + HostsFile.Build(o.AddHost.Select(h => HostsFile.ParseExtraHost(h, null)), [])[HostsFile.Base.Length..]);
        }
        if (o.Dns.Count > 0 || o.DnsSearch.Count > 0 || o.DnsOption.Count > 0)
        {
            var parsed = host && File.Exists("/etc/resolv.conf") ? ResolvConf.Parse(File.ReadAllText("/etc/resolv.conf")) : new ResolvConf.Parsed([], [], []);
            File.WriteAllText(Path.Combine(dir, "resolv.conf"), ResolvConf.Build(parsed, [], o.Dns.Count > 0 ? o.Dns : parsed.Nameservers, o.DnsSearch, o.DnsOption)); // the host's loopback resolver works here
        }
    }

    /// <summary>--network container:ID: that running container's namespace in config.json, its hosts and resolv.conf copied.</summary>
    private void JoinContainerNetwork(ContainerRecord c, string target)
    {
        var other = Get(target);
        if (!other.IsRunning) throw new EngineException($"cannot join the network of a non running container: {target}");
        string netns = Networks.Store.FindSandbox(other.Id)?.NetnsPath ?? $"/proc/{other.Pid}/ns/net";
        string configPath = Path.Combine(c.BundlePath, "config.json");
        var spec = JsonSerializer.Deserialize(File.ReadAllText(configPath), OciJsonContext.Default.Spec)!;
        spec.Linux!.Namespaces!.First(n => n.Type == Berth.Oci.Linux.NamespaceTypes.Network).Path = netns;
        File.WriteAllText(configPath, JsonSerializer.Serialize(spec, OciJsonContext.Default.Spec));
        foreach (string file in new[] { "hosts", "resolv.conf" })
        {
            string from = Path.Combine(Paths.ContainerDirectory(other.Id), file);
            if (File.Exists(from)) File.Copy(from, Path.Combine(Paths.ContainerDirectory(c.Id), file), overwrite: true);
        }
    }

    /// <summary>Everything of the container's network on the host, gone (idempotent).</summary>
    private void TeardownNetwork(string id) => Networks.Teardown(id);
}
