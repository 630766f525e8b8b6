using Berth.Engine.Processes;
using Berth.Network;
using Berth.Network.Ipam;
using Berth.Network.Namespaces;
using Berth.Network.Netavark;

namespace Berth.Engine.Networks;

/// <summary>
/// A network holds its bridge, as docker's networks do (docker0, br-ID): the bridge and the network's firewall
/// chains are made with its first container and stay until `network rm` (or, for the idle default network,
/// `network prune`), instead of being made and removed around every lone container.
/// <para>
/// netavark takes a bridge down with the last endpoint it tore down, when no other link is a port of it. So the
/// network's hold is such a port: a veth pair on the host (berth-hID8, berth-pID8), made once after the first
/// setup, left down (no traffic reaches it). A container's teardown then removes only what is the container's: its
/// veth, its address, its port rules, its DNS names. Measured (docs/network.md): a lone `run --rm` on a bridge
/// went from 272 to 126 ms, since making and removing the bridge and its chains cost ~145 ms each time.
/// </para>
/// <para>
/// Letting go (<see cref="ReleaseBridge"/>): the hold is deleted, then netavark itself takes the bridge and every
/// chain it made for the network down, through one endpoint set up and torn down in a namespace made for it, so DNS
/// (aardvark-dns) is cleaned the same way; only the network's port chain, which netavark 1.4 keeps unless that
/// last endpoint published a port, is deleted by berth (<see cref="NetavarkChains.UnusedNatChainCleanup"/>).
/// </para>
/// </summary>
public sealed partial class NetworkManager
{
    /// <summary>The host end of the network's hold, a port of its bridge: berth-h and the network id's first 8 digits (15 characters at most).</summary>
    internal static string HolderName(NetworkDefinition network) => "berth-h" + network.Id[..8];

    private static string HolderPeerName(NetworkDefinition network) => "berth-p" + network.Id[..8];

    private static bool LinkExists(string name) => Directory.Exists(Path.Combine("/sys/class/net", name));

    /// <summary>After a setup on the network: its bridge gets the hold when it has none. A failure is a warning: the bridge then goes with its last container.</summary>
    private void HoldBridge(NetworkDefinition network)
    {
        string holder = HolderName(network);
        if (LinkExists(holder) || !LinkExists(network.Interface)) return;
        var r = Ip("link", "add", holder, "master", network.Interface, "type", "veth", "peer", "name", HolderPeerName(network));
        if (r.ExitCode != 0) Console.Error.WriteLine($"berth: warning: network {network.Name}: adding {holder} to the bridge {network.Interface} failed, the bridge goes with its last container: {r.Stderr.Trim()}");
    }

    /// <summary>
    /// Takes the network's hold, bridge and firewall chains down (no container may be on it: the caller checked, under
    /// the lock). Nothing there is fine; what netavark cannot undo is reported and the bridge deleted anyway.
    /// </summary>
    private void ReleaseBridge(NetworkDefinition network)
    {
        if (LinkExists(HolderName(network))) Ip("link", "delete", HolderName(network));
        if (!LinkExists(network.Interface)) return;
        string netns = NetnsPath("release-" + network.Id[..12]);
        var subnet = Ipv4Subnet.Parse(network.Subnet);
        uint gateway = Ipv4Subnet.ParseAddress(network.Gateway);
        string address = Ipv4Subnet.Format(AddressAllocator.NextFree(subnet, gateway, new HashSet<uint>()) ?? gateway);
        var options = NetavarkConfig.Build(network.Id, "berth-release", [(network, new NetworkEndpoint(network.Name, "eth0", address, []))], [], []);
        try
        {
            NetworkNamespace.Create(netns);
            Backend.Setup(netns, options);
            if (Backend.Teardown(netns, options) is { } error) Console.Error.WriteLine($"berth: taking down the bridge of network {network.Name}: {error}");
        }
        catch (NetworkException e)
        {
            Console.Error.WriteLine($"berth: taking down the bridge of network {network.Name}: {e.Message}");
        }
        finally
        {
            NetworkNamespace.Remove(netns);
        }
        if (LinkExists(network.Interface)) Ip("link", "delete", network.Interface, "type", "bridge");
        string portChain = NetavarkChains.PortChain(network.Name);
        RestoreFirewall("iptables", save => NetavarkChains.UnusedNatChainCleanup(save, portChain), $"removing {portChain} of network {network.Name}");
    }

    private static CommandRunner.Result Ip(params string[] args) =>
        CommandRunner.Run([File.Exists("/usr/sbin/ip") ? "/usr/sbin/ip" : "/sbin/ip", .. args]);
}
