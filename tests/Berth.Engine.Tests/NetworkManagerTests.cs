using Berth.Engine.Networks;
using Berth.Engine.State;
using Berth.Network.Ipam;

namespace Berth.Engine.Tests;

/// <summary>network create/rm bookkeeping (no root: nothing is set up on the host until a container starts).</summary>
public sealed class NetworkManagerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ContainerStore _store;
    private readonly NetworkManager _networks;

    public NetworkManagerTests()
    {
        _store = new ContainerStore(_dir.Combine("engine.db"));
        _networks = new NetworkManager(new EnginePaths(_dir.Path, _dir.Combine("run")), new NetworkStore(_store.Connection), new HostClaims(_dir.Path, _dir.Combine("claims")));
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void CreateRecordsTheNetworkAndClaimsSubnetAndBridge()
    {
        var n = _networks.Create("berth-test-a", "10.213.40.0/24", "10.213.40.254", @internal: true, driver: null, bridgeName: "berth-test-zz9");
        Assert.Equal(("10.213.40.0/24", "10.213.40.254", "berth-test-zz9", true, true), (n.Subnet, n.Gateway, n.Interface, n.Internal, n.DnsEnabled));
        Assert.Equal(64, n.Id.Length);
        Assert.True(File.Exists(_dir.Combine("claims/subnet-10.213.40.0-24")));
        Assert.True(File.Exists(_dir.Combine("claims/bridge-berth-test-zz9")));
        Assert.Equal(n.Name, _networks.Get(n.Id[..12]).Name);
        _networks.Remove("berth-test-a", id => id);
        Assert.Empty(Directory.GetFiles(_dir.Combine("claims")));
        Assert.Throws<NetworkNotFoundException>(() => _networks.Get("berth-test-a"));
    }

    [Theory]
    [InlineData("10.213.41.128/25", "invalid --subnet 10.213.41.128/25: it overlaps the subnet 10.213.41.0/24 of network berth-test-first: choose another subnet")]
    [InlineData("10.213.41.5/24", "invalid subnet 10.213.41.5/24: host bits are set; did you mean 10.213.41.0/24?")]
    public void AnOverlappingOrBadSubnetIsRefusedAndNothingIsMade(string subnet, string message)
    {
        _networks.Create("berth-test-first", "10.213.41.0/24", null, false, null, "berth-test-zz8");
        var e = Assert.ThrowsAny<EngineException>(() => _networks.Create("berth-test-second", subnet, null, false, null, "berth-test-zz7"));
        Assert.Equal(message, e.Message);
        Assert.Single(_networks.List());
        Assert.False(File.Exists(_dir.Combine("claims/bridge-berth-test-zz7")));
    }

    [Theory]
    [InlineData("bridge", null, null, null, "network name bridge is reserved for a pre-defined network: choose another name")]
    [InlineData("-x", null, null, null, "invalid network name \"-x\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")]
    [InlineData("berth-test-b", null, "10.1.1.1", null, "--gateway needs --subnet (the gateway must be an address of the subnet)")]
    [InlineData("berth-test-b", "10.213.42.0/24", "10.213.43.1", null, "invalid --gateway 10.213.43.1: it must be a host address of the subnet 10.213.42.0/24")]
    [InlineData("berth-test-b", "10.213.42.0/24", null, "berth-test-toolong", "invalid bridge name \"berth-test-toolong\": an interface name has 1 to 15 characters, none of them '/', ':' or white space")]
    [InlineData("berth-test-b", "10.213.42.0/24", null, "lo", "bridge name lo is already an interface on the host: choose another name")]
    public void BadInputIsOneLine(string name, string? subnet, string? gateway, string? bridge, string message)
    {
        var e = Assert.ThrowsAny<EngineException>(() => _networks.Create(name, subnet, gateway, false, null, bridge));
        Assert.Equal(message, e.Message);
        Assert.Empty(_networks.List());
    }

    [Fact]
    public void ANameOrBridgeIsUsedOnce()
    {
        _networks.Create("berth-test-c", "10.213.44.0/24", null, false, null, "berth-test-zz6");
        Assert.Equal("network with name berth-test-c already exists", Assert.ThrowsAny<EngineException>(() => _networks.Create("berth-test-c", "10.213.45.0/24", null, false, null, null)).Message);
        Assert.Equal("bridge name berth-test-zz6 is already used by network berth-test-c: choose another name",
            Assert.ThrowsAny<EngineException>(() => _networks.Create("berth-test-d", "10.213.45.0/24", null, false, null, "berth-test-zz6")).Message);
    }

    [Fact]
    public void AnotherRootsClaimedSubnetIsNotPickedAgain()
    {
        var other = Path.Combine(_dir.Path, "other-root");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "engine.db"), "");
        Assert.True(new HostClaims(other, _dir.Combine("claims")).TryClaim(HostClaims.SubnetKey(Ipv4Subnet.Parse("10.213.46.0/24"))));
        var e = Assert.ThrowsAny<EngineException>(() => _networks.Create("berth-test-e", "10.213.46.0/25", null, false, null, "berth-test-zz5"));
        Assert.Equal("invalid --subnet 10.213.46.0/25: it overlaps the subnet 10.213.46.0/24 of another berth root's network: choose another subnet", e.Message);
    }
}
