using Berth.Network.Dns;

namespace Berth.Network.Tests;

public sealed class DnsFilesTests
{
    private static readonly ResolvConf.Parsed Host = ResolvConf.Parse("# host\nnameserver 127.0.0.53\nnameserver 192.0.2.53\nsearch corp.example\noptions edns0\n");

    [Fact]
    public void ParsesHostResolvConf()
    {
        Assert.Equal(["127.0.0.53", "192.0.2.53"], Host.Nameservers);
        Assert.Equal(["corp.example"], Host.Search);
        Assert.Equal(["edns0"], Host.Options);
    }

    [Fact]
    public void DefaultBridgeUsesHostUpstreamsWithoutLoopback() =>
        Assert.Equal("search corp.example\nnameserver 192.0.2.53\noptions edns0\n", ResolvConf.Build(Host, null, [], [], []));

    [Fact]
    public void OnlyLoopbackUpstreamsFallBackToDockersDefaults() =>
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", ResolvConf.Build(ResolvConf.Parse("nameserver 127.0.0.53\n"), null, [], [], []));

    [Fact]
    public void UserNetworkPointsAtItsDnsServer() =>
        Assert.Equal("search corp.example\nnameserver 10.90.1.1\noptions edns0\n", ResolvConf.Build(Host, "10.90.1.1", ["1.1.1.1"], [], []));

    [Fact]
    public void FlagsReplaceHostValues() =>
        Assert.Equal("search a.example b.example\nnameserver 1.1.1.1\noptions ndots:2\n", ResolvConf.Build(Host, null, ["1.1.1.1"], ["a.example", "b.example"], ["ndots:2"]));

    [Fact]
    public void HostsHasOwnNamesAndExtraHosts()
    {
        string hosts = HostsFile.Build([("db", "10.0.0.5")], ("10.90.1.2", ["abc123", "web", "web", "www"]));
        Assert.StartsWith("127.0.0.1\tlocalhost\n", hosts);
        Assert.EndsWith("10.0.0.5\tdb\n10.90.1.2\tabc123 web www\n", hosts);
        Assert.Equal(HostsFile.Base, HostsFile.Build([], null));
    }

    [Fact]
    public void ExtraHostForms()
    {
        Assert.Equal(("db", "10.0.0.5"), HostsFile.ParseExtraHost("db:10.0.0.5", null));
        Assert.Equal(("db", "10.0.0.5"), HostsFile.ParseExtraHost("db=10.0.0.5", null));
        Assert.Equal(("gw", "10.90.0.1"), HostsFile.ParseExtraHost("gw:host-gateway", "10.90.0.1"));
        Assert.Throws<FormatException>(() => HostsFile.ParseExtraHost("gw:host-gateway", null));
        Assert.Throws<FormatException>(() => HostsFile.ParseExtraHost("db:notanip", null));
        Assert.Throws<FormatException>(() => HostsFile.ParseExtraHost("db", null));
    }
}
