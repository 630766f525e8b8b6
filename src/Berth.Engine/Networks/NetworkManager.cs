using System.Security.Cryptography;
using Berth.Engine.Processes;
using Berth.Engine.State;
using Berth.Network;
using Berth.Network.Ipam;
using Berth.Network.Netavark;

namespace Berth.Engine.Networks;

/// <summary>
/// Networks (`berth network create/ls/inspect/rm/prune/connect/disconnect`) and each container's network
/// sandbox (<see cref="Setup"/> at start, <see cref="Teardown"/> at exit, rm, failed start and recovery). State in
/// the engine's database (<see cref="NetworkStore"/>); bridges, veths, firewall rules and DNS through netavark
/// with berth's own config directory RUNROOT/networks; namespaces bind-mounted at RUNROOT/netns/ID. Every
/// netavark call and namespace change holds RUNROOT/networks/berth.lock, as podman serialises its own.
/// </summary>
public sealed partial class NetworkManager(EnginePaths paths, NetworkStore store, HostClaims? claims = null)
{
    private NetavarkBackend? _backend;

    public NetworkStore Store { get; } = store;

    /// <summary>Host-wide claims on subnets and bridge names, shared by every berth root on the host.</summary>
    public HostClaims Claims { get; } = claims ?? new(paths.DataRoot);

    public NetavarkBackend Backend => _backend ??= new NetavarkBackend(ConfigDirectory, argv =>
    {
        var r = CommandRunner.Run(argv);
        return (r.ExitCode, r.Stdout, r.Stderr);
    });

    /// <summary>netavark's --config: aardvark-dns's files and pid, berth's own (never podman's).</summary>
    public string ConfigDirectory => Path.Combine(paths.RunRoot, "networks");

    /// <summary>RUNROOT/netns/ID: the container's network namespace, bind-mounted.</summary>
    public string NetnsPath(string containerId) => Path.Combine(paths.RunRoot, "netns", containerId);

    /// <summary>By name, id or id prefix; "bridge" is made on first use.</summary>
    public NetworkDefinition Get(string idOrName) =>
        (idOrName is NetworkDefinition.DefaultName or "default" ? EnsureDefault() : Store.FindNetwork(idOrName))
        ?? throw new NetworkNotFoundException(idOrName);

    /// <summary>
    /// The default network "bridge", made once, without DNS (as docker's): its bridge is $BERTH_DEFAULT_BRIDGE, else the
    /// first free berthN; its subnet $BERTH_DEFAULT_SUBNET, else the first free /24 of 10.90.0.0/16 (docker's
    /// daemon takes these as --bridge and --bip). Read only when the network is made.
    /// </summary>
    public NetworkDefinition EnsureDefault()
    {
        if (Store.FindNetwork(NetworkDefinition.DefaultName) is { } existing) return existing;
        string? bridge = Environment.GetEnvironmentVariable("BERTH_DEFAULT_BRIDGE") is { Length: > 0 } b ? b : null;
        string? subnet = Environment.GetEnvironmentVariable("BERTH_DEFAULT_SUBNET") is { Length: > 0 } s ? s : null;
        if (bridge is not null && !IsValidInterfaceName(bridge)) throw new EngineException($"invalid BERTH_DEFAULT_BRIDGE \"{bridge}\": an interface name has 1 to 15 characters, none of them '/', ':' or white space");
        try
        {
            return CreateNetwork(NetworkDefinition.DefaultName, subnet, null, @internal: false, dns: false, bridge);
        }
        catch (EngineException) when (Store.FindNetwork(NetworkDefinition.DefaultName) is not null)
        {
            return Store.FindNetwork(NetworkDefinition.DefaultName)!; // another berth made it meanwhile
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>An exclusive flock on RUNROOT/networks/berth.lock, retried (FileShare.None is a non-blocking flock).</summary>
    private IDisposable Lock()
    {
        Directory.CreateDirectory(ConfigDirectory);
        string path = Path.Combine(ConfigDirectory, "berth.lock");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(2);
            }
        }
    }
}

/// <summary>No network has this name or id.</summary>
public sealed class NetworkNotFoundException(string name) : EngineException($"network {name} not found (see 'berth network ls')");
