using Berth.Engine.Inspect;
using Berth.Engine.State;
using Berth.Network;

namespace Berth.Engine.Networks;

public sealed partial class NetworkManager
{
    public NetworkInspect Inspect(NetworkDefinition n, Func<string, string> containerName) => new()
    {
        Name = n.Name, Id = n.Id, Created = ContainerInspector.Time(n.Created), Driver = n.Driver, Internal = n.Internal,
        IPAM = new NetworkIpam { Config = [new Dictionary<string, string> { ["Subnet"] = n.Subnet, ["Gateway"] = n.Gateway }] },
        Options = new Dictionary<string, string> { ["com.docker.network.bridge.name"] = n.Interface },
        Containers = Store.EndpointsOn(n.Id).Where(e => e.Ip is not null).ToDictionary(e => e.ContainerId, e => new NetworkContainer
        {
            Name = containerName(e.ContainerId), MacAddress = e.Mac ?? "", IPv4Address = $"{e.Ip}/{Prefix(n)}",
        }),
    };

    /// <summary>A container's NetworkSettings: its networks (addresses while it runs) and published ports.</summary>
    public NetworkSettings Settings(ContainerRecord c, IEnumerable<string> exposed)
    {
        var settings = new NetworkSettings { SandboxKey = Store.FindSandbox(c.Id)?.NetnsPath ?? "" };
        foreach (string port in exposed) settings.Ports[port] = null;
        foreach (var p in PublishedPorts(c.Id).SelectMany(p => p.Expand()))
        {
            string key = $"{p.ContainerPort}/{p.Protocol}";
            (settings.Ports[key] = settings.Ports.GetValueOrDefault(key) ?? []).Add(new PortBinding { HostIp = p.HostIp.Length == 0 ? "0.0.0.0" : p.HostIp, HostPort = p.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        foreach (var e in Store.Endpoints(c.Id))
        {
            if (Store.FindNetwork(e.NetworkId) is not { } n) continue;
            bool up = e.Ip is not null;
            settings.Networks[n.Name] = new EndpointSettings
            {
                Aliases = [.. e.Aliases], NetworkID = n.Id, Gateway = up ? n.Gateway : "", IPAddress = e.Ip ?? "", IPPrefixLen = up ? Prefix(n) : 0, MacAddress = e.Mac ?? "",
            };
        }
        if (settings.Networks.Values.FirstOrDefault() is { } first)
        {
            (settings.IPAddress, settings.IPPrefixLen, settings.Gateway, settings.MacAddress) = (first.IPAddress, first.IPPrefixLen, first.Gateway, first.MacAddress);
        }
        return settings;
    }

    private static int Prefix(NetworkDefinition n) => Berth.Network.Netavark.NetavarkConfig.Prefix(n);
}
