using System.Text.Json;
using Berth.Network.Netavark;
using Berth.Network.Ports;

namespace Berth.Network.Tests;

public sealed class NetavarkConfigTests
{
    private static readonly NetworkDefinition Net = new()
    {
        Id = new string('b', 64), Name = "berth-test-n1", Interface = "berth3", Subnet = "10.90.7.0/24", Gateway = "10.90.7.1", DnsEnabled = true,
    };

    [Fact]
    public void BuildsNetavarksJson()
    {
        var options = NetavarkConfig.Build(new string('a', 64), "web", [(Net, new NetworkEndpoint(Net.Name, "eth0", "10.90.7.2", ["www"]))],
            [new PortMapping("127.0.0.1", 8080, 80)], ["192.0.2.53"]);
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(options, NetavarkJsonContext.Default.NetworkOptions));
        var root = doc.RootElement;
        Assert.Equal("web", root.GetProperty("container_name").GetString());
        var per = root.GetProperty("networks").GetProperty("berth-test-n1");
        Assert.Equal("eth0", per.GetProperty("interface_name").GetString());
        Assert.Equal("10.90.7.2", per.GetProperty("static_ips")[0].GetString());
        Assert.Equal("www", per.GetProperty("aliases")[0].GetString());
        var info = root.GetProperty("network_info").GetProperty("berth-test-n1");
        Assert.Equal(("berth3", "bridge", true, false), (info.GetProperty("network_interface").GetString(), info.GetProperty("driver").GetString(), info.GetProperty("dns_enabled").GetBoolean(), info.GetProperty("internal").GetBoolean()));
        Assert.Equal("10.90.7.0/24", info.GetProperty("subnets")[0].GetProperty("subnet").GetString());
        var port = root.GetProperty("port_mappings")[0];
        Assert.Equal((8080, 80, "tcp", 1, "127.0.0.1"), (port.GetProperty("host_port").GetInt32(), port.GetProperty("container_port").GetInt32(), port.GetProperty("protocol").GetString(), port.GetProperty("range").GetInt32(), port.GetProperty("host_ip").GetString()));
        Assert.Equal("192.0.2.53", root.GetProperty("dns_servers")[0].GetString());
    }

    [Fact]
    public void NoAliasesWithoutDnsAndNoEmptyLists()
    {
        var plain = new NetworkDefinition { Id = Net.Id, Name = "bridge", Interface = "berth0", Subnet = "10.90.0.0/24", Gateway = "10.90.0.1" };
        var options = NetavarkConfig.Build("c", "n", [(plain, new NetworkEndpoint("bridge", "eth0", "10.90.0.2", ["x"]))], [], []);
        string json = JsonSerializer.Serialize(options, NetavarkJsonContext.Default.NetworkOptions);
        Assert.DoesNotContain("aliases", json);
        Assert.DoesNotContain("port_mappings", json);
        Assert.DoesNotContain("dns_servers", json);
    }

    [Fact]
    public void ReadsSetupStatus()
    {
        const string output = """{"n":{"dns_search_domains":["dns.podman"],"dns_server_ips":["10.90.7.1"],"interfaces":{"eth0":{"mac_address":"36:df:02:06:38:5e","subnets":[{"gateway":"10.90.7.1","ipnet":"10.90.7.2/24"}]}}}}""";
        var status = JsonSerializer.Deserialize(output, NetavarkJsonContext.Default.DictionaryStringStatusBlock)!;
        Assert.Equal("36:df:02:06:38:5e", status["n"].Interfaces!["eth0"].MacAddress);
        Assert.Equal("10.90.7.2/24", status["n"].Interfaces!["eth0"].Subnets![0].Ipnet);
    }

    [Fact]
    public void FailedSetupIsUndoneAndReported()
    {
        var calls = new List<string>();
        string dir = Path.Combine(Path.GetTempPath(), "berth-test-" + Guid.NewGuid().ToString("N")[..8]);
        Environment.SetEnvironmentVariable("BERTH_NETAVARK", "/bin/true");
        try
        {
            var backend = new NetavarkBackend(dir, argv =>
            {
                calls.Add(argv[^2]);
                return argv[^2] == "setup" ? (1, """{"error":"IO error: boom"}""", "") : (0, "", "");
            });
            var e = Assert.Throws<NetworkException>(() => backend.Setup("/run/netns/x", NetavarkConfig.Build("c", "n", [], [], [])));
            Assert.Contains("netavark: IO error: boom", e.Message);
            Assert.Equal(["setup", "teardown"], calls);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BERTH_NETAVARK", null);
            Directory.Delete(dir, true);
        }
    }
}
