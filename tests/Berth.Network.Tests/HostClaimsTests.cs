using Berth.Network.Ipam;

namespace Berth.Network.Tests;

public sealed class HostClaimsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "berth-test-claims-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A data root with an engine.db (a live owner).</summary>
    private string Root(string name)
    {
        string root = Path.Combine(_dir, name);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "engine.db"), "");
        return root;
    }

    [Fact]
    public void OneOwnerPerKeyUntilReleased()
    {
        var a = new HostClaims(Root("a"), Path.Combine(_dir, "claims"));
        var b = new HostClaims(Root("b"), Path.Combine(_dir, "claims"));
        string key = HostClaims.SubnetKey(Ipv4Subnet.Parse("10.213.7.0/24"));
        Assert.Equal("subnet-10.213.7.0-24", key);
        Assert.True(a.TryClaim(key));
        Assert.True(a.TryClaim(key)); // its own claim again
        Assert.False(b.TryClaim(key));
        Assert.Equal([Ipv4Subnet.Parse("10.213.7.0/24")], b.OthersSubnets());
        Assert.Empty(a.OthersSubnets());
        b.Release(key); // not b's: kept
        Assert.False(b.TryClaim(key));
        a.Release(key);
        Assert.True(b.TryClaim(key));
    }

    [Fact]
    public void AClaimWhoseRootIsGoneIsTakenOver()
    {
        string gone = Root("gone");
        var old = new HostClaims(gone, Path.Combine(_dir, "claims"));
        Assert.True(old.TryClaim(HostClaims.BridgeKey("berth-test-x0")));
        Directory.Delete(gone, true);
        var now = new HostClaims(Root("now"), Path.Combine(_dir, "claims"));
        Assert.Empty(now.OthersSubnets());
        Assert.True(now.TryClaim(HostClaims.BridgeKey("berth-test-x0")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }
}
