namespace Berth.Engine.IntegrationTests;

[Collection(EngineCollection.Name)]
public class LifecycleTests(EngineFixture f)
{
    private static void Eventually(Func<bool> condition, string what)
    {
        for (int i = 0; i < 100 && !condition(); i++) Thread.Sleep(100);
        Assert.True(condition(), what);
    }

    [EngineFact]
    public void DetachedPsLogsStopRm()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        var run = f.Run("run", "-d", "--name", name, f.Image, "sh", "-c", "echo started; echo warn >&2; trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done");
        Assert.True(run.ExitCode == 0, run.ToString());
        string id = run.Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Contains(name, f.Run("ps").Stdout);
        Assert.Contains(id[..12], f.Run("ps", "-q").Stdout);
        Assert.Contains("\"State\":\"running\"", f.Run("ps", "--format", "json").Stdout);
        Eventually(() => f.Run("logs", name).Stdout == "started\n", "logs show stdout");
        Assert.Equal("warn\n", f.Run("logs", name).Stderr);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT[0-9:.]+Z started\n$", f.Run("logs", "-t", name).Stdout);
        Assert.Contains("\"Running\": true", f.Run("inspect", name).Stdout);
        var rmRunning = f.Run("rm", name);
        Assert.Equal(1, rmRunning.ExitCode);
        Assert.Contains("container is running", rmRunning.Stderr);
        Assert.Equal(0, f.Run("stop", "-t", "5", name).ExitCode);
        Assert.Equal("started\nbye\n", f.Run("logs", name).Stdout);
        Assert.Equal("0\n", f.Run("wait", name).Stdout);
        string inspect = f.Run("inspect", name).Stdout;
        Assert.Contains("\"Status\": \"exited\"", inspect);
        Assert.Contains("\"ExitCode\": 0", inspect);
        Assert.Contains("Exited (0)", f.Run("ps", "-a").Stdout);
        Assert.Equal(0, f.Run("rm", name).ExitCode);
        Assert.DoesNotContain(name, f.Run("ps", "-a").Stdout);
        Assert.Empty(f.Entries("storage/containers"));
    }

    [EngineFact]
    public void MonitorOutlivesTheCli()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        var run = f.Run("run", "-d", "--name", name, f.Image, "sh", "-c", "sleep 1; echo after the cli; sleep 60");
        Assert.Equal(0, run.ExitCode);
        // ProcessRunner returned: the CLI process has exited. The container and its monitor go on.
        Eventually(() => f.Run("logs", name).Stdout == "after the cli\n", "output written after the CLI exited is logged");
        string inspect = f.Run("inspect", name).Stdout;
        Assert.Contains("\"Running\": true", inspect);
        int pid = int.Parse(System.Text.RegularExpressions.Regex.Match(inspect, "\"Pid\": (\\d+)").Groups[1].Value);
        Assert.True(Directory.Exists($"/proc/{pid}"));
        string monitorPid = File.ReadAllText($"/proc/{pid}/status").Split('\n').First(l => l.StartsWith("PPid:", StringComparison.Ordinal)).Split('\t')[1];
        Assert.Contains("berth-monitor", File.ReadAllText($"/proc/{monitorPid}/cmdline"));
        var kill = f.Run("kill", "-s", "KILL", name);
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal("137\n", f.Run("wait", name).Stdout);
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }

    [EngineFact]
    public void CreateThenStartAttached()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        var create = f.Run("create", "--name", name, f.Image, "echo", "created then started");
        Assert.Equal(0, create.ExitCode);
        Assert.Contains("Created", f.Run("ps", "-a").Stdout);
        var start = f.Run("start", "-a", name);
        Assert.Equal((0, "created then started\n"), (start.ExitCode, start.Stdout));
        Assert.Equal(0, f.Run("start", "-a", name).ExitCode);
        Assert.Equal("created then started\ncreated then started\n", f.Run("logs", name).Stdout);
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }
}
