using Berth.Conformance.Harness;
using Berth.Oci.Spec;

namespace Berth.Conformance.Linux;

/// <summary>runtime-spec config-linux.md "Namespaces" — and the seeds' demo: PID 1, own hostname, own processes, only loopback.</summary>
public class NamespaceTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Pid_namespace_makes_the_process_pid_1_and_hides_host_processes(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string output = b.Sh("echo $$; ps -o pid,comm | tail -n +2 | wc -l");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1", lines[0]);
        // sh, ps, tail and wc: the container's own; the host has far more.
        Assert.True(int.Parse(lines[1].Trim()) <= 4, $"ps saw more than the container's own processes: {output}");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Uts_namespace_gives_the_container_its_hostname_and_leaves_the_hosts(RuntimeUnderTest runtime)
    {
        string hostBefore = System.Net.Dns.GetHostName();
        using var b = new TestBundle(runtime);
        b.Spec.Hostname = "inside-box";
        Assert.Equal("inside-box\n", b.Sh("hostname"));
        Assert.Equal(hostBefore, System.Net.Dns.GetHostName());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Network_namespace_has_only_loopback(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string output = b.Sh("ls /sys/class/net");
        Assert.Equal("lo", output.Trim());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Every_namespace_differs_from_the_hosts(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string output = b.Sh("for n in pid uts ipc net mnt cgroup; do readlink /proc/self/ns/$n; done");
        var inside = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] names = ["pid", "uts", "ipc", "net", "mnt", "cgroup"];
        for (int i = 0; i < names.Length; i++)
        {
            string host = new FileInfo($"/proc/self/ns/{names[i]}").LinkTarget!;
            Assert.NotEqual(host, inside[i]);
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Cgroup_namespace_shows_the_containers_cgroup_as_root(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        string output = b.Sh("grep -E ':(pids|memory):' /proc/self/cgroup");
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.EndsWith(":/", line);
        }
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_namespace_can_be_joined_by_path(RuntimeUnderTest runtime)
    {
        using var first = new TestBundle(runtime, "sleep", "60");
        first.Spec.Hostname = "first-box";
        first.Create().AssertSuccess("create first");
        int pid = first.Pid();

        using var second = new TestBundle(runtime);
        second.Spec.Hostname = null;
        var uts = second.Spec.Linux!.Namespaces!.First(n => n.Type == "uts");
        uts.Path = $"/proc/{pid}/ns/uts";
        Assert.Equal("first-box\n", second.Sh("hostname"));
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Without_a_network_namespace_the_host_network_is_seen(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime);
        b.Spec.Linux!.Namespaces!.RemoveAll(n => n.Type == "network");
        string output = b.Sh("ls /sys/class/net | wc -l");
        Assert.Equal(Directory.GetDirectories("/sys/class/net").Length + Directory.GetFiles("/sys/class/net").Length, int.Parse(output.Trim()));
    }
}
