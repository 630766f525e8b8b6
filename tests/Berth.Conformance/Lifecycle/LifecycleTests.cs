using Berth.Conformance.Harness;

namespace Berth.Conformance.Lifecycle;

/// <summary>runtime-spec runtime.md: "Lifecycle" and "Operations" (state, create, start, kill, delete).</summary>
public class LifecycleTests
{
    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Create_leaves_the_container_created_without_running_the_user_process(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "echo ran > /tmp/marker; sleep 30");
        b.Create().AssertSuccess("create");
        Assert.Equal("created", b.Status());
        Assert.True(b.Pid() > 0);
        Assert.False(File.Exists(Path.Combine(b.Rootfs, "tmp", "marker")), "the user process ran before start");

        b.Cli("start", b.Id).AssertSuccess("start");
        Assert.Equal("running", b.Status());
        WaitFor(() => File.Exists(Path.Combine(b.Rootfs, "tmp", "marker")), "the user process to write its marker");

        b.Cli("kill", b.Id, "KILL").AssertSuccess("kill");
        WaitFor(() => b.Status() == "stopped", "the container to stop");
        b.Cli("delete", b.Id).AssertSuccess("delete");
        Assert.NotEqual(0, b.Cli("state", b.Id).ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void State_prints_the_oci_state(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "30");
        b.Spec.Annotations = new() { ["org.berth.test"] = "yes" };
        b.Create().AssertSuccess("create");
        var r = b.Cli("state", b.Id).AssertSuccess("state");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(b.Id, root.GetProperty("id").GetString());
        Assert.Equal("created", root.GetProperty("status").GetString());
        Assert.Equal(b.BundleDir, root.GetProperty("bundle").GetString());
        Assert.StartsWith("1.", root.GetProperty("ociVersion").GetString());
        Assert.Equal("yes", root.GetProperty("annotations").GetProperty("org.berth.test").GetString());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Run_returns_the_exit_code_of_the_container(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "exit 42");
        Assert.Equal(42, b.Run().ExitCode);
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public async Task Run_of_a_killed_container_exits_128_plus_the_signal(RuntimeUnderTest runtime)
    {
        // PID 1 cannot be SIGKILLed from inside its own namespace: kill it from the host, as `kill` does.
        using var b = new TestBundle(runtime, "sleep", "60");
        var run = Task.Run(() => b.Run());
        WaitFor(() => b.Cli("state", b.Id).ExitCode == 0 && b.Status() == "running", "the container to run");
        b.Cli("kill", b.Id, "KILL").AssertSuccess("kill");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(137, result.ExitCode);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Run_passes_stdout_and_stdin_through(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sh", "-c", "echo out; echo err >&2");
        var r = b.Run().AssertSuccess("run");
        Assert.Equal("out\n", r.Stdout);
        Assert.Contains("err", r.Stderr);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Run_detach_then_kill_with_a_signal_name_and_number(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Write();
        b.Cli("run", "--detach", "--bundle", b.BundleDir, b.Id).AssertSuccess("run --detach");
        Assert.Equal("running", b.Status());
        Assert.NotEqual(0, b.Cli("delete", b.Id).ExitCode); // running: needs --force
        b.Cli("kill", b.Id, "9").AssertSuccess("kill 9");
        WaitFor(() => b.Status() == "stopped", "the container to stop");
        Assert.NotEqual(0, b.Cli("kill", b.Id, "TERM").ExitCode); // stopped: nothing to signal
        b.Cli("delete", b.Id).AssertSuccess("delete");
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Delete_force_removes_a_running_container(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Create().AssertSuccess("create");
        b.Cli("start", b.Id).AssertSuccess("start");
        int pid = b.Pid();
        b.Cli("delete", "--force", b.Id).AssertSuccess("delete --force");
        WaitFor(() => !File.Exists($"/proc/{pid}/stat") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z"), "the init to die");
        Assert.Empty(b.Leftovers());
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void List_shows_containers_in_json(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Create().AssertSuccess("create");
        var r = b.Cli("list", "--format", "json").AssertSuccess("list");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var entry = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(b.Id, entry.GetProperty("id").GetString());
        Assert.Equal("created", entry.GetProperty("status").GetString());
        Assert.Contains(b.Id, b.Cli("list").AssertSuccess("list").Stdout);
    }

    [Theory, MemberData(nameof(RuntimeUnderTest.All), MemberType = typeof(RuntimeUnderTest))]
    public void Pid_file_holds_the_init_pid(RuntimeUnderTest runtime)
    {
        using var b = new TestBundle(runtime, "sleep", "60");
        b.Write();
        string pidFile = Path.Combine(b.Dir, "init.pid");
        b.Cli("create", "--bundle", b.BundleDir, "--pid-file", pidFile, b.Id).AssertSuccess("create");
        Assert.Equal(b.Pid().ToString(), File.ReadAllText(pidFile).Trim());
    }

    internal static void WaitFor(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }
}
