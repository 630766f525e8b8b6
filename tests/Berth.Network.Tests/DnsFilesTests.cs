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
        Assert.Equal("search corp.example\nnameserver 192.0.2.53\noptions edns0\n", ResolvConf.Build(Host, [], [], [], []));

    [Fact]
    public void OnlyLoopbackUpstreamsFallBackToDockersDefaults() =>
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", ResolvConf.Build(ResolvConf.Parse("nameserver 127.0.0.53\n"), [], [], [], []));

    [Fact]
    public void UserNetworkPointsAtItsDnsServer() =>
        Assert.Equal("search corp.example\nnameserver 10.90.1.1\noptions edns0\n", ResolvConf.Build(Host, ["10.90.1.1"], ["1.1.1.1"], [], []));

    [Fact]
    public void FlagsReplaceHostValues() =>
        Assert.Equal("search a.example b.example\nnameserver 1.1.1.1\noptions ndots:2\n", ResolvConf.Build(Host, [], ["1.1.1.1"], ["a.example", "b.example"], ["ndots:2"]));

    [Fact]
    public void HostsHasOwnNamesAndExtraHosts()
    {
        string hosts = HostsFile.Build([("db", "10.0.0.5")], [("10.90.1.2", ["abc123", "web", "web", "www"])]);
        Assert.StartsWith("127.0.0.1\tlocalhost\n", hosts);
        Assert.EndsWith("10.0.0.5\tdb\n10.90.1.2\tabc123 web www\n", hosts);
        Assert.Equal(HostsFile.Base, HostsFile.Build([], []));
    }

    [Fact]
    public void EveryNetworkGivesALineAndItsDnsServer()
    {
        string hosts = HostsFile.Build([], [("10.90.1.2", ["abc123", "web"]), ("10.91.0.7", ["abc123", "web", "api"]), ("10.92.0.3", [])]);
        Assert.EndsWith("ff02::2\tip6-allrouters\n10.90.1.2\tabc123 web\n10.91.0.7\tabc123 web api\n", hosts);
        Assert.Equal("nameserver 10.90.1.1\nnameserver 10.91.0.1\n", ResolvConf.Build(new ResolvConf.Parsed([], [], []), ["10.90.1.1", "10.91.0.1"], [], [], []));
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
