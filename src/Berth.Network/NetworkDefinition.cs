namespace Berth.Network;

/// <summary>
/// A berth network as stored in the engine's database: a Linux bridge (<see cref="Interface"/>, "berthN") with
/// one IPv4 subnet and its gateway on the bridge. <see cref="DnsEnabled"/>: aardvark-dns answers container names
/// and aliases on the gateway (user-defined networks; docker's default bridge has no name resolution).
/// <see cref="Internal"/>: no default route and no NAT, so no way out of the network.
/// </summary>
public sealed class NetworkDefinition
{
    /// <summary>docker's name for the default network.</summary>
    public const string DefaultName = "bridge";

    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Driver { get; set; } = "bridge";
    public string Interface { get; set; } = "";
    public string Subnet { get; set; } = "";
    public string Gateway { get; set; } = "";
    public bool Internal { get; set; }
    public bool DnsEnabled { get; set; }
    public DateTimeOffset Created { get; set; }

    public bool IsDefault => Name == DefaultName;
}

/// <summary>A container's place on one network: its interface in the container, its address, its DNS aliases.</summary>
public sealed record NetworkEndpoint(string Network, string Interface, string Address, IReadOnlyList<string> Aliases);
