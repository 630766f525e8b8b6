using System.Text.RegularExpressions;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>
/// Networking with real containers (root): published ports reached from the host on 127.0.0.1, names and
/// aliases resolved on a user network, hosts/resolv.conf, outbound NAT to a namespace the test makes (and none
/// from an --internal network), and that rm, kill -9 of the monitor and a failed start leave no veth,
/// namespace, firewall rule or lease of the container's, and `network rm` nothing of the network's (its bridge, the
/// bridge's hold, its chains). Every network and bridge is berth-test-*, on its own 10.214.N.0/24, removed after; the default network is the fixture's (berth-test-XXXX on 10.213.N.0/24).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class NetworkTests : IDisposable
{
    private readonly EngineFixture f;

    public NetworkTests(EngineFixture fixture)
    {
        f = fixture;
        if (f.Image.Length > 0) f.Run("pull", "-q", f.Image); // so that stderr holds only what a test checks
    }

    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _networks = [];
    private readonly List<string> _bridges = [];
    private readonly List<string> _holders = [];
    private readonly List<Action> _cleanups = [];

    private string NewNetwork(params string[] flags)
    {
        string name = $"berth-test-{_tag}-{_bridges.Count}";
        string bridge = $"berth-test-{_tag[..3]}{_bridges.Count}";
        int third = (int)(uint.Parse(_tag[..6], System.Globalization.NumberStyles.HexNumber) % 250) + _bridges.Count;
        var r = f.Run(["network", "create", "--subnet", $"10.214.{third % 256}.0/24", "-o", $"com.docker.network.bridge.name={bridge}", .. flags, name]);
        Assert.True(r.ExitCode == 0, r.ToString());
        _networks.Add(name);
        _bridges.Add(bridge);
        _holders.Add(Holder(name));
        return name;
    }

    /// <summary>The host end of the veth pair that keeps the network's bridge while the network exists: berth-h and 8 digits of its id.</summary>
    private string Holder(string network) => "berth-h" + Inspect(network, "network").GetProperty("Id").GetString()![..8];

    private JsonElement Inspect(string what, params string[] noun) => JsonDocument.Parse(f.Run([.. noun, "inspect", what]).Stdout).RootElement[0];

    private static string Iptables() => ProcessRunner.Run("iptables-save", []).Stdout;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string Get(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (int i = 0; ; i++)
        {
            try
            {
                return http.GetStringAsync(url).Result;
            }
            catch (AggregateException) when (i < 30)
            {
                Thread.Sleep(100); // httpd is still starting
            }
        }
    }

    /// <summary>The container's address, bridge and namespace file while it runs.</summary>
    private (string Ip, string Bridge, string Netns) Sandbox(string container, string network)
    {
        var c = Inspect(container);
        string ip = c.GetProperty("NetworkSettings").GetProperty("Networks").GetProperty(network).GetProperty("IPAddress").GetString()!;
        string bridge = Inspect(network, "network").GetProperty("Options").GetProperty("com.docker.network.bridge.name").GetString()!;
        return (ip, bridge, c.GetProperty("NetworkSettings").GetProperty("SandboxKey").GetString()!);
    }

    /// <summary>Nothing of the container's: its veth (the bridge, the network's, holds only the hold), namespace, rules, lease.</summary>
    private void AssertNothingLeft((string Ip, string Bridge, string Netns) s, string network, string what)
    {
        if (Directory.Exists($"/sys/class/net/{s.Bridge}"))
        {
            Assert.Equal([Holder(network)], Directory.GetFileSystemEntries($"/sys/class/net/{s.Bridge}/brif").Select(Path.GetFileName));
        }
        Assert.False(File.Exists(s.Netns), $"{what}: netns file {s.Netns} left");
        Assert.DoesNotContain(s.Netns, File.ReadAllText("/proc/self/mountinfo"));
        Assert.DoesNotContain(s.Ip + "/", Iptables());
        Assert.DoesNotContain(s.Ip + ":", Iptables());
        Assert.Empty(Inspect(network, "network").GetProperty("Containers").EnumerateObject());
    }

    [EngineFact]
    public void PublishedPortIsReachableFromTheHostAndTornDownByRm()
    {
        string net = NewNetwork();
        int port = FreePort();
        string name = $"berth-test-web-{_tag}";
        var run = f.Run("run", "-d", "--name", name, "--network", net, "-p", $"127.0.0.1:{port}:80", "-p", "8080", f.Image, "httpd", "-f", "-p", "80", "-h", "/etc");
        Assert.True(run.ExitCode == 0, run.ToString());
        string id = run.Stdout.Trim();
        Assert.Equal(id[..12] + "\n", Get($"http://127.0.0.1:{port}/hostname"));
        Assert.Contains($"80/tcp -> 127.0.0.1:{port}", f.Run("port", name).Stdout);
        Assert.Matches(@"^0\.0\.0\.0:\d+\n$", f.Run("port", name, "8080").Stdout);
        Assert.Contains($"127.0.0.1:{port}->80/tcp", f.Run("ps").Stdout);
        var sandbox = Sandbox(name, net);
        Assert.Contains(sandbox.Ip, Iptables());
        Assert.True(Directory.Exists($"/sys/class/net/{sandbox.Bridge}"));
        Assert.Equal(2, Directory.GetFileSystemEntries($"/sys/class/net/{sandbox.Bridge}/brif").Length); // the container's veth and the hold
        Assert.Equal(0, f.Run("rm", "-f", name).ExitCode);
        AssertNothingLeft(sandbox, net, "rm -f");
        // The network keeps its bridge until it is removed; then nothing of it is left, its port chain included.
        Assert.Contains($"-s {Inspect(net, "network").GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString()} ", Iptables());
        string holder = Holder(net);
        var rm = f.Run("network", "rm", net);
        Assert.True(rm.ExitCode == 0 && rm.Stderr.Length == 0, rm.ToString());
        _networks.Remove(net);
        Assert.False(Directory.Exists($"/sys/class/net/{sandbox.Bridge}"), "bridge left after network rm");
        Assert.False(Directory.Exists($"/sys/class/net/{holder}"), "hold left after network rm");
        Assert.DoesNotContain(PortChain(net), Iptables());
        Assert.Empty(f.RunEntries("netns"));
    }

    /// <summary>netavark 1.4's name for a network's port chain, worked out here independently of berth's code.</summary>
    private static string PortChain(string network) =>
        "NETAVARK-DN-" + Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(network)))[..13];

    [EngineFact]
    public void NamesAndAliasesResolveOnAUserNetwork()
    {
        string net = NewNetwork();
        string server = $"berth-test-srv-{_tag}";
        Assert.Equal(0, f.Run("run", "-d", "--name", server, "--network", net, "--network-alias", $"alias-{_tag}", f.Image, "httpd", "-f", "-p", "80", "-h", "/etc").ExitCode);
        string id = f.Run("inspect", server).Stdout.Split('"')[3];
        var client = f.Run("run", "--rm", "--network", net, f.Image, "sh", "-c",
            $"sleep 0.3; wget -qO- http://{server}/hostname && wget -qO- http://alias-{_tag}/hostname && cat /etc/resolv.conf");
        Assert.True(client.ExitCode == 0, client.ToString());
        string gateway = Inspect(net, "network").GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Gateway").GetString()!;
        Assert.Equal($"{id[..12]}\n{id[..12]}\nnameserver {gateway}\n", client.Stdout.Replace(ResolvSearch(), ""));
        var hosts = f.Run("run", "--rm", "--network", net, "--name", $"berth-test-self-{_tag}", "--network-alias", "me", "--add-host", "db:10.1.2.3", f.Image, "cat", "/etc/hosts");
        Assert.Matches($@"10\.1\.2\.3\tdb\n10\.214\.\d+\.\d+\t[0-9a-f]{{12}} berth-test-self-{_tag} me\n$", hosts.Stdout);
        Assert.Equal(0, f.Run("rm", "-f", server).ExitCode);
    }

    private static string ResolvSearch()
    {
        string? search = File.ReadAllLines("/etc/resolv.conf").LastOrDefault(l => l.StartsWith("search ", StringComparison.Ordinal) || l.StartsWith("domain ", StringComparison.Ordinal));
        return search is null ? "\u0000" : "search " + search.Split(' ', 2)[1].Trim() + "\n";
    }

    [EngineFact]
    public void DefaultBridgeHasNoNameServiceAndTakesDnsFlags()
    {
        var r = f.Run("run", "--rm", "--dns", "192.0.2.53", "--dns-search", "example.test", "--dns-option", "ndots:3", f.Image, "sh", "-c", "cat /etc/resolv.conf; ip -4 route | grep default");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("search example.test\nnameserver 192.0.2.53\noptions ndots:3\ndefault via 10.", r.Stdout);
    }

    /// <summary>
    /// A namespace made here (berth-test-out-*) with a veth to the host and a /30 of its own: it has no route
    /// to the container subnets, so a container reaches its httpd only through the host's masquerade; from an
    /// --internal network it cannot at all.
    /// </summary>
    [EngineFact]
    public void OutboundNatReachesATestNamespaceButNotFromAnInternalNetwork()
    {
        string ns = $"berth-test-out-{_tag}", hostEnd = $"berth-test-o{_tag[..3]}", third = (200 + (int)(uint.Parse(_tag[..4], System.Globalization.NumberStyles.HexNumber) % 50)).ToString();
        string www = Path.Combine(Path.GetTempPath(), $"berth-test-www-{_tag}");
        Directory.CreateDirectory(www);
        File.WriteAllText(Path.Combine(www, "hello"), "outside\n");
        _cleanups.Add(() =>
        {
            foreach (string pid in ProcessRunner.Run("ip", ["netns", "pids", ns]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)) ProcessRunner.Run("kill", [pid]);
            ProcessRunner.Run("ip", ["netns", "del", ns]);
            ProcessRunner.Run("ip", ["link", "del", hostEnd]);
            Directory.Delete(www, true);
        });
        foreach (string[] step in new[]
        {
            new[] { "netns", "add", ns }, ["link", "add", hostEnd, "type", "veth", "peer", "name", "eth9", "netns", ns],
            ["addr", "add", $"10.232.{third}.1/30", "dev", hostEnd], ["link", "set", hostEnd, "up"],
            ["-n", ns, "addr", "add", $"10.232.{third}.2/30", "dev", "eth9"], ["-n", ns, "link", "set", "eth9", "up"], ["-n", ns, "link", "set", "lo", "up"],
        })
        {
            var r = ProcessRunner.Run("ip", step);
            Assert.True(r.ExitCode == 0, $"ip {string.Join(' ', step)}: {r}");
        }
        Assert.Equal(0, ProcessRunner.Run("ip", ["netns", "exec", ns, "busybox", "httpd", "-p", "8000", "-h", www]).ExitCode);
        string url = $"http://10.232.{third}.2:8000/hello";
        var open = f.Run("run", "--rm", "--network", NewNetwork(), f.Image, "timeout", "3", "wget", "-qO-", url);
        Assert.True(open.ExitCode == 0, open.ToString());
        Assert.Equal("outside\n", open.Stdout);
        var closed = f.Run("run", "--rm", "--network", NewNetwork("--internal"), f.Image, "timeout", "2", "wget", "-qO-", url);
        Assert.NotEqual(0, closed.ExitCode);
    }

    [EngineFact]
    public void KillingTheMonitorThenPsTearsTheNetworkDown()
    {
        string net = NewNetwork();
        string name = $"berth-test-orphan-{_tag}";
        var run = f.Run("run", "-d", "--name", name, "--network", net, "-p", $"127.0.0.1:{FreePort()}:80", f.Image, "sleep", "60");
        Assert.True(run.ExitCode == 0, run.ToString());
        string id = run.Stdout.Trim();
        var sandbox = Sandbox(name, net);
        int monitor = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(p => p!.All(char.IsAsciiDigit)).Select(int.Parse!)
            .First(p => File.Exists($"/proc/{p}/cmdline") && File.ReadAllText($"/proc/{p}/cmdline").Contains($"--id\0{id}\0", StringComparison.Ordinal) && File.ReadAllText($"/proc/{p}/comm").StartsWith("berth-monitor", StringComparison.Ordinal));
        ProcessRunner.Run("kill", ["-9", monitor.ToString()]);
        for (int i = 0; i < 50 && Directory.Exists($"/proc/{monitor}"); i++) Thread.Sleep(50);
        Assert.DoesNotContain(name, f.Run("ps").Stdout);
        AssertNothingLeft(sandbox, net, "kill -9 of the monitor");
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }

    /// <summary>netavark keeps its base chains forever; `network prune` removes them when no netavark network is up (berth's or another engine's).</summary>
    [EngineFact]
    public void PruneTakesNetavarksIdleChainsAlong()
    {
        string net = NewNetwork();
        string name = $"berth-test-last-{_tag}";
        Assert.Equal(0, f.Run("run", "-d", "--name", name, "--network", net, "-p", $"127.0.0.1:{FreePort()}:80", f.Image, "sleep", "60").ExitCode);
        Assert.Contains("NETAVARK-HOSTPORT-DNAT", Iptables());
        Assert.Equal(0, f.Run("rm", "-f", name).ExitCode);
        Assert.Equal(0, f.Run("network", "prune", "-f").ExitCode);
        _networks.Remove(net);
        string after = Iptables();
        bool othersUseNetavark = System.Text.RegularExpressions.Regex.IsMatch(after, @"^(:NETAVARK-(DN-)?[0-9A-F]{8,} |-A NETAVARK_FORWARD )", System.Text.RegularExpressions.RegexOptions.Multiline);
        if (!othersUseNetavark) Assert.DoesNotContain("NETAVARK", after);
    }

    [EngineFact]
    public void AFailedStartLeavesNothing()
    {
        string net = NewNetwork();
        int port = FreePort();
        var run = f.Run("run", "--rm", "--network", net, "-p", $"127.0.0.1:{port}:80", f.Image, "/no/such/program");
        Assert.Equal(127, run.ExitCode);
        Assert.DoesNotContain($"dport {port}", Iptables());
        Assert.Empty(f.RunEntries("netns"));
        string bridge = Inspect(net, "network").GetProperty("Options").GetProperty("com.docker.network.bridge.name").GetString()!;
        Assert.Equal([Holder(net)], Directory.GetFileSystemEntries($"/sys/class/net/{bridge}/brif").Select(Path.GetFileName)); // the network's, not the container's
    }

    /// <summary>netavark itself fails (the network's bridge name is taken by a veth made after `network create`): one line, exit 125, nothing left.</summary>
    [EngineFact]
    public void ANetavarkFailureIsOneLineAndLeavesNothing()
    {
        string net = NewNetwork();
        string bridge = _bridges[^1];
        Assert.Equal(0, ProcessRunner.Run("ip", ["link", "add", bridge, "type", "veth", "peer", "name", $"berth-test-p{_tag[..3]}"]).ExitCode);
        _cleanups.Add(() => ProcessRunner.Run("ip", ["link", "del", bridge]));
        string before = f.Run("ps", "-aq").Stdout;
        var run = f.Run("run", "--rm", "--network", net, "-p", $"127.0.0.1:{FreePort()}:80", f.Image, "true");
        Assert.Equal(125, run.ExitCode);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith($"berth: setting up the network ({net}) failed: netavark: ", run.Stderr);
        Assert.Empty(f.RunEntries("netns"));
        Assert.Equal(before, f.Run("ps", "-aq").Stdout);
        string subnet = Inspect(net, "network").GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString()!;
        Assert.DoesNotContain(subnet, Iptables());
        Assert.Empty(Inspect(net, "network").GetProperty("Containers").EnumerateObject());
        Assert.False(Directory.Exists($"/sys/class/net/{bridge}/brif"), "the veth became a bridge");
    }

    [EngineFact]
    public void BadInputIsOneClearLineAndMakesNothing()
    {
        string net = NewNetwork();
        int before = f.Run("ps", "-aq").Stdout.Length;
        string subnet = Inspect(net, "network").GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Subnet").GetString()!;
        var overlap = f.Run("network", "create", "--subnet", subnet.Replace(".0/24", ".128/25"), $"berth-test-overlap-{_tag}");
        Assert.Equal(1, overlap.ExitCode);
        Assert.Equal($"berth: invalid --subnet {subnet.Replace(".0/24", ".128/25")}: it overlaps the subnet {subnet} of network {net}: choose another subnet\n", overlap.Stderr);
        Assert.DoesNotContain($"berth-test-overlap-{_tag}", f.Run("network", "ls").Stdout);

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int busy = ((IPEndPoint)listener.LocalEndpoint).Port;
        var inUse = f.Run("run", "--rm", "--network", net, "-p", $"127.0.0.1:{busy}:80", f.Image, "true");
        Assert.Equal(125, inUse.ExitCode);
        Assert.Equal($"berth: Bind for 127.0.0.1:{busy} failed: port is already in use by another program on the host\n", inUse.Stderr);

        var unknown = f.Run("run", "--rm", "--network", $"berth-test-missing-{_tag}", f.Image, "true");
        Assert.Equal(125, unknown.ExitCode);
        Assert.Equal($"berth: network berth-test-missing-{_tag} not found (see 'berth network ls')\n", unknown.Stderr);
        Assert.Equal(before, f.Run("ps", "-aq").Stdout.Length);
        Assert.Empty(f.RunEntries("netns"));
    }

    [EngineFact]
    public void ConnectDisconnectAndRmOfANetworkInUse()
    {
        string a = NewNetwork(), b = NewNetwork();
        string name = $"berth-test-multi-{_tag}";
        Assert.Equal(0, f.Run("run", "-d", "--name", name, "--network", a, f.Image, "sleep", "60").ExitCode);
        Assert.Equal(0, f.Run("network", "connect", "--alias", $"second-{_tag}", b, name).ExitCode);
        var lookup = f.Run("run", "--rm", "--network", b, f.Image, "nslookup", $"second-{_tag}");
        Assert.True(lookup.ExitCode == 0, lookup.ToString());
        string ipA = Sandbox(name, a).Ip, ipB = Sandbox(name, b).Ip;
        Assert.Contains(ipB, lookup.Stdout);
        // The running container's own files follow, as docker's: a hosts line and a name server per network.
        string files = f.Run("exec", name, "cat", "/etc/hosts", "/etc/resolv.conf").Stdout;
        Assert.Contains($"{ipA}\t", files);
        Assert.Matches($"{Regex.Escape(ipB)}\t[0-9a-f]{{12}} {name} second-{_tag}\n", files);
        Assert.Equal(2, Regex.Matches(files, "^nameserver ", RegexOptions.Multiline).Count);
        var busy = f.Run("network", "rm", a);
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("has active endpoints", busy.Stderr);
        Assert.Equal(0, f.Run("network", "disconnect", b, name).ExitCode);
        Assert.False(Inspect(name).GetProperty("NetworkSettings").GetProperty("Networks").TryGetProperty(b, out _));
        files = f.Run("exec", name, "cat", "/etc/hosts", "/etc/resolv.conf").Stdout;
        Assert.Contains($"{ipA}\t", files);
        Assert.DoesNotContain(ipB, files);
        Assert.Single(Regex.Matches(files, "^nameserver ", RegexOptions.Multiline));
        Assert.Equal(0, f.Run("rm", "-f", name).ExitCode);
    }

    [EngineFact]
    public void NoneHostAndContainerModes()
    {
        var none = f.Run("run", "--rm", "--network", "none", "--add-host", "db:10.1.2.3", "--dns", "192.0.2.9", f.Image, "sh", "-c", "ip -o link | wc -l; tail -1 /etc/hosts; cat /etc/resolv.conf");
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Equal("1\n10.1.2.3\tdb\nnameserver 192.0.2.9\n", none.Stdout);
        int hostLinks = Directory.GetDirectories("/sys/class/net").Length;
        var host = f.Run("run", "--rm", "--network", "host", f.Image, "sh", "-c", "ls /sys/class/net | wc -l");
        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.InRange(int.Parse(host.Stdout.Trim()), hostLinks - 2, hostLinks + 2); // another test may add or remove a veth meanwhile
        Assert.Empty(f.RunEntries("netns"));

        string net = NewNetwork();
        string owner = $"berth-test-owner-{_tag}";
        Assert.Equal(0, f.Run("run", "-d", "--name", owner, "--network", net, f.Image, "httpd", "-f", "-p", "8000", "-h", "/etc").ExitCode);
        var (ip, _, _) = Sandbox(owner, net);
        var joined = f.Run("run", "--rm", "--network", $"container:{owner}", f.Image, "sh", "-c", "ip -4 -o addr show eth0 | awk '{print $4}'; wget -qO- http://127.0.0.1:8000/hostname");
        Assert.True(joined.ExitCode == 0, joined.ToString());
        Assert.Equal($"{ip}/24\n{Inspect(owner).GetProperty("Id").GetString()![..12]}\n", joined.Stdout);
        var conflict = f.Run("run", "--rm", "--network", $"container:{owner}", "-p", "9000:80", f.Image, "true");
        Assert.Equal((125, "berth: conflicting options: port publishing and the container type network mode\n"), (conflict.ExitCode, conflict.Stderr));
        Assert.Equal(0, f.Run("rm", "-f", owner).ExitCode);
    }

    /// <summary>-P publishes the image's and --expose'd ports on free host ports; a 0.0.0.0 port is reached from the host's 127.0.0.1 and from a container on another network through its gateway; udp is forwarded too.</summary>
    [EngineFact]
    public void PublishAllUdpAndFromAnotherContainer()
    {
        string a = NewNetwork(), b = NewNetwork();
        string www = Path.Combine(Path.GetTempPath(), $"berth-test-pall-{_tag}");
        Directory.CreateDirectory(www);
        _cleanups.Add(() => Directory.Delete(www, true));
        File.WriteAllText(Path.Combine(www, "hello"), "hello\n");
        string web = $"berth-test-pall-{_tag}";
        var run = f.Run("run", "-d", "--name", web, "--network", a, "-v", $"{www}:/www", "--expose", "81", "-P", "-p", "5353/udp", f.Image, "httpd", "-f", "-p", "81", "-h", "/www");
        Assert.True(run.ExitCode == 0, run.ToString());
        string tcp = f.Run("port", web, "81").Stdout;
        Assert.Matches(@"^0\.0\.0\.0:\d+\n$", tcp);
        int hostPort = int.Parse(tcp.Trim().Split(':')[1]);
        Assert.Equal(tcp, f.Run("port", web, "81/tcp").Stdout);
        Assert.Equal("hello\n", Get($"http://127.0.0.1:{hostPort}/hello"));
        string gatewayB = Inspect(b, "network").GetProperty("IPAM").GetProperty("Config")[0].GetProperty("Gateway").GetString()!;
        var other = f.Run("run", "--rm", "--network", b, f.Image, "timeout", "3", "wget", "-qO-", $"http://{gatewayB}:{hostPort}/hello");
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Equal("hello\n", other.Stdout);
        // busybox's nc has no UDP: the listener is a host python3 inside the container's network namespace.
        int udpPort = int.Parse(f.Run("port", web, "5353/udp").Stdout.Trim().Split(':')[1]);
        using var listener = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("nsenter",
            [$"--net={Sandbox(web, a).Netns}", "timeout", "10", "python3", "-c", "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('0.0.0.0', 5353)); print(s.recvfrom(100)[0].decode(), end='', flush=True)"])
        { RedirectStandardOutput = true })!;
        using (var udp = new UdpClient())
        {
            for (int i = 0; i < 50 && !listener.HasExited; i++)
            {
                udp.Send("ping"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, udpPort));
                Thread.Sleep(100);
            }
        }
        listener.WaitForExit();
        Assert.Equal("ping", listener.StandardOutput.ReadToEnd());
        Assert.Equal(0, f.Run("rm", "-f", web).ExitCode);
    }

    [EngineFact]
    public void LsInspectAndPrune()
    {
        string used = NewNetwork(), unused = NewNetwork("--internal");
        var ls = f.Run("network", "ls");
        Assert.Matches(@"^NETWORK ID +NAME +DRIVER +SCOPE\n", ls.Stdout);
        Assert.Matches($@"\n[0-9a-f]{{12}} +{unused} +bridge +local\n", ls.Stdout);
        Assert.Contains("\nbridge ", "\n" + string.Join('\n', ls.Stdout.Split('\n').Select(l => l.Length > 15 ? l[15..].TrimStart() : l)));
        var n = Inspect(unused, "network");
        Assert.True(n.GetProperty("Internal").GetBoolean());
        Assert.Equal($"berth-test-{_tag[..3]}1", n.GetProperty("Options").GetProperty("com.docker.network.bridge.name").GetString());
        Assert.Equal(n.GetProperty("Id").GetString(), Inspect(n.GetProperty("Id").GetString()![..12], "network").GetProperty("Id").GetString());
        string name = $"berth-test-keep-{_tag}";
        Assert.Equal(0, f.Run("create", "--name", name, "--network", used, f.Image, "true").ExitCode);
        var prune = f.Run("network", "prune", "-f");
        Assert.Contains($"\n{unused}\n", prune.Stdout);
        Assert.DoesNotContain(used, prune.Stdout);
        Assert.DoesNotContain("\nbridge\n", prune.Stdout);
        _networks.Remove(unused);
        Assert.DoesNotContain(unused, f.Run("network", "ls").Stdout);
        var missing = f.Run("network", "inspect", unused);
        Assert.Equal((1, $"berth: network {unused} not found (see 'berth network ls')\n"), (missing.ExitCode, missing.Stderr));
        var reserved = f.Run("network", "rm", "bridge");
        Assert.Equal(1, reserved.ExitCode);
        var badBridge = f.Run("network", "create", "-o", "com.docker.network.bridge.name=berth-test-much-too-long", $"berth-test-bad-{_tag}");
        Assert.Equal(1, badBridge.ExitCode);
        Assert.Single(badBridge.Stderr.Trim().Split('\n'));
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }

    [EngineFact]
    public void HostnameFileAndDefaultBridgeAddress()
    {
        var r = f.Run("run", "--rm", "--hostname", "berth-test-h", f.Image, "sh", "-c", "cat /etc/hostname; tail -1 /etc/hosts");
        Assert.True(r.ExitCode == 0, r.ToString());
        string prefix = f.DefaultSubnet.Replace(".0/24", ".", StringComparison.Ordinal).Replace(".", "\\.", StringComparison.Ordinal);
        Assert.Matches($@"^berth-test-h\n{prefix}\d+\tberth-test-h [a-z]+_[a-z]+\n$", r.Stdout);
    }

    /// <summary>As docker0: the default network's bridge stays between containers; `network prune` takes it (and its hold) down while no container is on it, and the next container makes it again.</summary>
    [EngineFact]
    public void TheDefaultNetworkKeepsItsBridgeUntilPrune()
    {
        Assert.Equal(0, f.Run("run", "--rm", f.Image, "true").ExitCode);
        string holder = Holder("bridge");
        Assert.Equal([holder], Directory.GetFileSystemEntries($"/sys/class/net/{f.DefaultBridge}/brif").Select(Path.GetFileName));
        var prune = f.Run("network", "prune", "-f");
        Assert.True(prune.ExitCode == 0 && prune.Stderr.Length == 0, prune.ToString());
        Assert.False(Directory.Exists($"/sys/class/net/{f.DefaultBridge}"), "default bridge left after prune");
        Assert.False(Directory.Exists($"/sys/class/net/{holder}"), "hold left after prune");
        Assert.DoesNotContain($"-s {f.DefaultSubnet} ", Iptables());
        Assert.Contains("\nbridge ", "\n" + string.Join('\n', f.Run("network", "ls").Stdout.Split('\n').Select(l => l.Length > 15 ? l[15..].TrimStart() : l)));
        var again = f.Run("run", "--rm", f.Image, "true");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(Directory.Exists($"/sys/class/net/{holder}"));
    }

    public void Dispose()
    {
        var networks = _networks.ToList();
        foreach (var cleanup in _cleanups) cleanup();
        foreach (string id in f.Run("ps", "-aq", "--no-trunc").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (f.Run("inspect", id).Stdout.Contains(_tag, StringComparison.Ordinal)) f.Run("rm", "-f", id);
        }
        foreach (string net in _networks)
        {
            var rm = f.Run("network", "rm", net);
            Assert.True(rm.ExitCode == 0, rm.ToString());
        }
        foreach (string bridge in _bridges) Assert.False(Directory.Exists($"/sys/class/net/{bridge}"), $"bridge {bridge} left");
        foreach (string holder in _holders) Assert.False(Directory.Exists($"/sys/class/net/{holder}"), $"hold {holder} left");
        foreach (string net in networks) Assert.DoesNotContain(PortChain(net), Iptables());
        Assert.DoesNotContain("10.214.", Iptables());
        Assert.Empty(f.RunEntries("netns"));
    }
}
