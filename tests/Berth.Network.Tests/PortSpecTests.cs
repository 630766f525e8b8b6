using Berth.Network.Ports;

namespace Berth.Network.Tests;

public sealed class PortSpecTests
{
    [Theory]
    [InlineData("80", "", 0, 80, "tcp", 1)]
    [InlineData("8080:80", "", 8080, 80, "tcp", 1)]
    [InlineData("127.0.0.1:8080:80/udp", "127.0.0.1", 8080, 80, "udp", 1)]
    [InlineData("127.0.0.1::80", "127.0.0.1", 0, 80, "tcp", 1)]
    [InlineData("0.0.0.0:9000-9002:7000-7002", "", 9000, 7000, "tcp", 3)]
    [InlineData("53:53/UDP", "", 53, 53, "udp", 1)]
    public void ParsesDockerForms(string spec, string ip, int host, int container, string proto, int range) =>
        Assert.Equal(new PortMapping(ip, host, container, proto, range), Assert.Single(PortSpec.Parse(spec)));

    [Fact]
    public void ARangeWithoutHostPortsGetsOneFreePortEach() =>
        Assert.Equal([new PortMapping("", 0, 80), new PortMapping("", 0, 81)], PortSpec.Parse("80-81"));

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("80/icmp")]
    [InlineData("8080-8081:80")]
    [InlineData("a:b:c:d")]
    [InlineData("localhost:80:80")]
    [InlineData("90-80")]
    public void RefusesBadForms(string spec) =>
        Assert.Contains($"invalid -p {spec}", Assert.Throws<FormatException>(() => PortSpec.Parse(spec)).Message);

    [Fact]
    public void ExposedKeys()
    {
        Assert.Equal(new PortMapping("", 0, 80), PortSpec.Exposed("80/tcp"));
        Assert.Equal(new PortMapping("", 0, 53, "udp"), PortSpec.Exposed("53/udp"));
        Assert.Equal(new PortMapping("", 0, 8080), PortSpec.Exposed("8080"));
        Assert.Throws<FormatException>(() => PortSpec.Exposed("http"));
    }

    [Fact]
    public void ExpandsRangesAndPrintsHostSide()
    {
        var m = new PortMapping("127.0.0.1", 9000, 7000, "tcp", 2);
        Assert.Equal(["127.0.0.1:9000->7000", "127.0.0.1:9001->7001"], m.Expand().Select(p => $"{p.HostSide()}->{p.ContainerPort}"));
        Assert.Equal("0.0.0.0:80", new PortMapping("", 80, 80).HostSide());
    }

    [Fact]
    public void ProbeSeesAListener()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        Assert.False(PortProbe.IsFree("127.0.0.1", port, "tcp"));
        Assert.False(PortProbe.IsFree("", port, "tcp"));
        int free = PortProbe.PickFree("127.0.0.1", "tcp", new HashSet<int> { port });
        Assert.NotEqual(port, free);
        Assert.True(PortProbe.IsFree("127.0.0.1", free, "tcp"));
    }
}
