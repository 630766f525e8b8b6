using System.Text.Json;
using Berth.Conformance.Harness;
using static Berth.Conformance.Lifecycle.LifecycleTests;

namespace Berth.Conformance.Cli;

/// <summary>runc's `pause`, `resume`, `update` and `events`: the commands containerd and podman use on a running container.</summary>
public class PauseUpdateEventsTests
{
    private static TestBundle Running(RuntimeUnderTest runtime, params string[] args)
    {
        var b = new TestBundle(runtime, args.Length > 0 ? args : ["sleep", "60"]);
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        return b;
    }

    private static string HostState(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("State:", StringComparison.Ordinal));

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Pause_freezes_and_resume_thaws_the_container(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime, "sh", "-c", "while true; do echo tick >> /tmp/ticks; sleep 0.05; done");
        WaitFor(() => File.Exists(Path.Combine(b.Rootfs, "tmp", "ticks")), "the loop to start");
        b.Cli("pause", b.Id).AssertSuccess("pause");
        Assert.Equal("paused", b.Status());
        long frozenSize = new FileInfo(Path.Combine(b.Rootfs, "tmp", "ticks")).Length;
        Thread.Sleep(300);
        Assert.Equal(frozenSize, new FileInfo(Path.Combine(b.Rootfs, "tmp", "ticks")).Length);
        Assert.NotEqual(0, b.Cli("pause", b.Id).ExitCode); // already paused
        Assert.NotEqual(0, b.Cli("delete", b.Id).ExitCode); // paused is not stopped

        b.Cli("resume", b.Id).AssertSuccess("resume");
        Assert.Equal("running", b.Status());
        WaitFor(() => new FileInfo(Path.Combine(b.Rootfs, "tmp", "ticks")).Length > frozenSize, "the loop to go on");
        Assert.NotEqual(0, b.Cli("resume", b.Id).ExitCode); // not paused
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Delete_force_removes_a_paused_container(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        b.Cli("pause", b.Id).AssertSuccess("pause");
        b.Cli("delete", "--force", b.Id).AssertSuccess("delete --force");
        Assert.NotEqual(0, b.Cli("state", b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Update_changes_limits_of_the_running_container(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        string pidsMax = Path.Combine(b.CgroupDirs().First(d => d.Contains("/pids/")), b.Id, "pids.max");
        string memLimit = Path.Combine(b.CgroupDirs().First(d => d.Contains("/memory/")), b.Id, "memory.limit_in_bytes");

        b.Cli("update", "--pids-limit", "42", "--memory", "64m", b.Id).AssertSuccess("update flags");
        Assert.Equal("42", File.ReadAllText(pidsMax).Trim());
        Assert.Equal((64L << 20).ToString(), File.ReadAllText(memLimit).Trim());

        string file = Path.Combine(b.Dir, "resources.json");
        File.WriteAllText(file, """{"pids":{"limit":7}}""");
        b.Cli("update", "--resources", file, b.Id).AssertSuccess("update --resources");
        Assert.Equal("7", File.ReadAllText(pidsMax).Trim());
        Assert.Equal((64L << 20).ToString(), File.ReadAllText(memLimit).Trim()); // left alone

        Assert.NotEqual(0, b.Cli("update", "--memory", "12x", b.Id).ExitCode);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Events_stats_prints_one_stats_sample(RuntimeUnderTest runtime)
    {
        using var b = Running(runtime);
        var r = b.Cli("events", "--stats", b.Id).AssertSuccess("events --stats");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("stats", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(b.Id, doc.RootElement.GetProperty("id").GetString());
        var data = doc.RootElement.GetProperty("data");
        Assert.True(data.GetProperty("pids").GetProperty("current").GetInt64() >= 1);
        Assert.True(data.GetProperty("memory").GetProperty("usage").GetProperty("usage").GetInt64() > 0);
        Assert.True(data.GetProperty("cpu").GetProperty("usage").GetProperty("total").GetInt64() > 0);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void A_memory_hog_is_oom_killed_and_reported_by_events(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "sleep 1; head -c 200m /dev/zero | tail > /dev/null");
        b.Spec.Linux!.Resources = new Berth.Oci.Spec.Resources { Memory = new() { Limit = 16L << 20, Swap = 16L << 20 } };
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        // berth-runtime's events ends when the container stops; runc 1.1's goes on: stop it after 10 s.
        var events = Exec.Run("timeout", ["-s", "INT", "10", runtime.Path, "--root", b.StateRoot, "events", "--interval", "1s", b.Id]);
        Assert.Contains(events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString() == "oom");
    }
}
