using Berth.Network.Ipam;

namespace Berth.Network.Tests;

public sealed class SubnetTests
{
    [Fact]
    public void ParsesAndFormatsCidr()
    {
        var s = Ipv4Subnet.Parse("10.90.3.0/24");
        Assert.Equal("10.90.3.0/24", s.ToString());
        Assert.Equal("10.90.3.255", Ipv4Subnet.Format(s.Broadcast));
        Assert.True(s.Contains(Ipv4Subnet.ParseAddress("10.90.3.7")));
        Assert.False(s.Contains(Ipv4Subnet.ParseAddress("10.90.4.1")));
    }

    [Theory]
    [InlineData("10.90.3.1/24", "host bits")]
    [InlineData("10.90.3.0", "CIDR")]
    [InlineData("10.90.3.0/31", "CIDR")]
    [InlineData("fd00::/64", "CIDR")]
    [InlineData("300.1.1.0/24", "CIDR")]
    public void RefusesBadSubnets(string text, string why) =>
        Assert.Contains(why, Assert.Throws<FormatException>(() => Ipv4Subnet.Parse(text)).Message);

    [Fact]
    public void OverlapIsSymmetricAndNested()
    {
        var big = Ipv4Subnet.Parse("10.0.0.0/8");
        var small = Ipv4Subnet.Parse("10.90.1.0/24");
        Assert.True(big.Overlaps(small));
        Assert.True(small.Overlaps(big));
        Assert.False(small.Overlaps(Ipv4Subnet.Parse("10.90.2.0/24")));
    }

    [Fact]
    public void PoolSkipsTakenSubnetsAndRoutes()
    {
        var taken = new[] { Ipv4Subnet.Parse("10.90.0.0/24"), Ipv4Subnet.Parse("10.90.1.0/25"), Ipv4Subnet.Parse("10.90.2.0/23") };
        Assert.Equal("10.90.4.0/24", SubnetPool.PickFree(SubnetPool.Default, 24, taken).ToString());
        Assert.Null(SubnetPool.PickFree(Ipv4Subnet.Parse("10.90.0.0/23"), 24, taken));
        Assert.Equal("10.90.0.0/24", SubnetPool.PickFree(SubnetPool.Default, 24, []).ToString());
    }

    [Fact]
    public void AddressesSkipGatewayAndUsed()
    {
        var s = Ipv4Subnet.Parse("10.90.5.0/29");
        uint gw = s.At(1);
        Assert.Equal(s.At(2), AddressAllocator.NextFree(s, gw, new HashSet<uint>()));
        Assert.Equal(s.At(4), AddressAllocator.NextFree(s, gw, new HashSet<uint> { s.At(2), s.At(3) }));
        Assert.Null(AddressAllocator.NextFree(s, gw, Enumerable.Range(2, 5).Select(i => s.At((uint)i)).ToHashSet()));
        Assert.Contains("not in", AddressAllocator.CheckStatic(s, gw, Ipv4Subnet.ParseAddress("10.90.6.2"), new HashSet<uint>()));
        Assert.Contains("gateway", AddressAllocator.CheckStatic(s, gw, gw, new HashSet<uint>()));
        Assert.Contains("in use", AddressAllocator.CheckStatic(s, gw, s.At(3), new HashSet<uint> { s.At(3) }));
        Assert.Null(AddressAllocator.CheckStatic(s, gw, s.At(3), new HashSet<uint>()));
    }

    [Fact]
    public void HostRoutesLeaveOutDefaultRoutes()
    {
        const string table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
            + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n"
            + "podman0\t0000580A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n";
        var routes = HostRoutes.Parse(table);
        Assert.Equal([("eth0", "192.0.2.0/24"), ("podman0", "10.88.0.0/16")], routes.Select(r => (r.Interface, r.Subnet.ToString())));
    }
}
