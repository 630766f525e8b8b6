using Berth.Images.IntegrationTests;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Berth.Engine.IntegrationTests;

/// <summary>restart, pause/unpause, rename, top, stats, labels and ps filters/formats, logs --since/--until.</summary>
[Collection(EngineCollection.Name)]
public class LifeTests(EngineFixture f)
{
    private static string NewName() => "berth-test-" + Guid.NewGuid().ToString("N")[..8];

    private static void Eventually(Func<bool> condition, string what)
    {
        for (int i = 0; i < 100 && !condition(); i++) Thread.Sleep(100);
        Assert.True(condition(), what);
    }

    private ProcessRunner.Result Ok(params string[] args)
    {
        var r = f.Run(args);
        Assert.True(r.ExitCode == 0, $"berth {string.Join(' ', args)}: {r}");
        return r;
    }

    private int Pid(string name) => int.Parse(Regex.Match(f.Run("inspect", name).Stdout, "\"Pid\": (\\d+)").Groups[1].Value);

    /// <summary>The freezer's word for the container's cgroup: v1 freezer.state (FROZEN/THAWED), or v2 cgroup.freeze (1/0).</summary>
    private string Freezer(string name)
    {
        string id = Regex.Match(f.Run("inspect", name).Stdout, "\"Id\": \"([0-9a-f]{64})\"").Groups[1].Value;
        string v1 = $"/sys/fs/cgroup/freezer/{f.CgroupParent}/{id}/freezer.state", v2 = $"/sys/fs/cgroup/{f.CgroupParent}/{id}/cgroup.freeze";
        return File.Exists(v1) ? File.ReadAllText(v1).Trim() : File.ReadAllText(v2).Trim() == "1" ? "FROZEN" : "THAWED";
    }

    [EngineFact]
    public void PauseUnpauseStopAndRestartWithEachRuntime()
    {
        Assert.Null(RunFlagTests.RuntimeMissing("runc"));
        Assert.Null(RunFlagTests.RuntimeMissing("crun"));
        foreach (string runtime in new[] { "berth-runtime", "runc", "crun" })
        {
            string name = NewName();
            Ok("run", "-d", "--runtime", runtime, "--name", name, f.Image, "sh", "-c", "trap 'exit 5' TERM; echo up; while true; do sleep 0.1; done");
            Eventually(() => f.Run("logs", name).Stdout == "up\n", "started");
            int pid = Pid(name);
            Ok("pause", name);
            Assert.Contains("(Paused)", f.Run("ps").Stdout);
            string inspect = f.Run("inspect", name).Stdout;
            Assert.Contains("\"Status\": \"paused\"", inspect);
            Assert.Contains("\"Paused\": true", inspect);
            Assert.Contains("\"Running\": true", inspect);
            Assert.Equal("FROZEN", Freezer(name));
            var again = f.Run("pause", name);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("already paused", again.Stderr);
            Assert.Contains("try unpause", f.Run("start", name).Stderr);
            Ok("unpause", name);
            Assert.Contains("\"Status\": \"running\"", f.Run("inspect", name).Stdout);
            Assert.Equal("THAWED", Freezer(name));
            Assert.Equal(1, f.Run("unpause", name).ExitCode);

            Ok("restart", "-t", "5", name);
            Assert.NotEqual(pid, Pid(name));
            Assert.Contains("\"Status\": \"running\"", f.Run("inspect", name).Stdout);
            Eventually(() => f.Run("logs", name).Stdout == "up\nup\n", "restarted: the log goes on");

            // stop of a paused container works, as docker's: the signal, then a thaw so it can act on it.
            Ok("pause", name);
            Ok("stop", "-t", "10", name);
            Assert.Equal("5\n", f.Run("wait", name).Stdout);
            Ok("rm", name);
        }
        Assert.Empty(f.LeftoverCgroups());
    }

    [EngineFact]
    public void WaitGetsTheCodeOfARemovedContainerAndExecReadsEnvFiles()
    {
        // --rm takes the container's row with it: wait still prints the code, as docker's does.
        string gone = NewName();
        Ok("run", "-d", "--rm", "--name", gone, f.Image, "sh", "-c", "sleep 1; exit 3");
        Assert.Equal("3\n", Ok("wait", gone).Stdout);
        Eventually(() => f.Run("inspect", gone).ExitCode != 0, "removed");

        string name = NewName();
        string envFile = Path.Combine(f.DataRoot, name + ".env");
        File.WriteAllText(envFile, "# a comment\nFROM_FILE=file\nBOTH=file\n");
        try
        {
            Ok("run", "-d", "--name", name, f.Image, "sleep", "60");
            Assert.Equal("file cli\n", Ok("exec", "--env-file", envFile, "-e", "BOTH=cli", name, "sh", "-c", "echo $FROM_FILE $BOTH").Stdout);
            var missing = f.Run("exec", "--env-file", envFile + ".none", name, "true");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains(envFile + ".none", missing.Stderr);
            var detachKeys = f.Run("exec", "-it", "--detach-keys", "ctrl-a", name, "sh");
            Assert.Contains("--detach-keys is not supported", detachKeys.Stderr);
        }
        finally
        {
            File.Delete(envFile);
            f.Run("rm", "-f", name);
        }
    }

    [EngineFact]
    public void RenameFollowsDockersRules()
    {
        string a = NewName(), b = NewName(), c = NewName();
        Ok("create", "--name", a, f.Image, "true");
        Ok("create", "--name", b, f.Image, "true");
        Ok("rename", a, c);
        Assert.Contains(c, f.Run("ps", "-a").Stdout);
        Assert.Equal(1, f.Run("inspect", a).ExitCode);
        var taken = f.Run("rename", c, b);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains($"\"/{b}\" is already in use", taken.Stderr);
        Assert.Single(taken.Stderr.Trim().Split('\n'));
        Assert.Equal(1, f.Run("rename", c, c).ExitCode);
        Assert.Contains("invalid container name", f.Run("rename", c, "bad name").Stderr);
        Assert.Contains("no such container", f.Run("rename", "berth-test-nosuch", "x1").Stderr);
        Ok("rm", c, b);
    }

    [EngineFact]
    public void TopAndStats()
    {
        string name = NewName();
        // --network none: only lo, so NET I/O must be 0B / 0B (a bridge's eth0 sees the host's multicast).
        Ok("run", "-d", "--name", name, "--network", "none", "--memory", "64m", "--pids-limit", "20", f.Image, "sh", "-c", "sleep 1000 & while true; do sleep 0.2; done");
        Eventually(() => f.Run("top", name).Stdout.Contains("sleep 1000"), "top shows the processes");
        var top = f.Run("top", name).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("UID", top[0]);
        Assert.DoesNotContain(top, l => l.Contains("berth-monitor") || l.Contains("dotnet"));
        var custom = f.Run("top", name, "-o", "pid,comm").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^PID\s+COMMAND$", custom[0]);
        Assert.Contains(custom, l => l.EndsWith("sleep", StringComparison.Ordinal));
        Assert.Equal(1, f.Run("top", name, "-o", "comm").ExitCode);

        string table = Ok("stats", "--no-stream", name).Stdout;
        Assert.Matches(@"CONTAINER ID\s+NAME\s+CPU %\s+MEM USAGE / LIMIT\s+MEM %\s+NET I/O\s+BLOCK I/O\s+PIDS", table);
        Assert.Matches($@"{name}\s+\d+\.\d\d%\s+[\d.]+[KMG]?i?B / 64MiB\s+\d+\.\d\d%\s+0B / 0B\s+\S+ / \S+\s+[3-9]\b", table);
        using var json = JsonDocument.Parse(Ok("stats", "--no-stream", "--format", "json", name).Stdout.Trim());
        Assert.Equal(name, json.RootElement.GetProperty("Name").GetString());
        Assert.EndsWith("/ 64MiB", json.RootElement.GetProperty("MemUsage").GetString());
        string templated = Ok("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}", name).Stdout;
        Assert.StartsWith(name + " ", templated);
        Assert.EndsWith("/ 64MiB\n", templated);
        Assert.Contains(name, Ok("stats", "--no-stream").Stdout);
        Ok("rm", "-f", name);
        Assert.Contains("no such container", f.Run("top", name).Stderr);
        Assert.Empty(f.LeftoverCgroups());
    }

    [EngineFact]
    public void LabelsFiltersAndFormats()
    {
        string web = NewName(), job = NewName();
        string labelFile = Path.Combine(f.DataRoot, "..", web + "-labels");
        File.WriteAllText(labelFile, "# labels\ntier=front\nowner=ops\n");
        try
        {
            Ok("run", "-d", "--name", web, "--label-file", labelFile, "-l", "owner=dev", "--label", "flag", f.Image, "sleep", "100");
            Ok("create", "--name", job, "-l", "tier=back", f.Image, "true");
            string inspect = Ok("inspect", web).Stdout;
            Assert.Contains("\"tier\": \"front\"", inspect);
            Assert.Contains("\"owner\": \"dev\"", inspect);
            Assert.Contains("\"flag\": \"\"", inspect);

            Assert.Equal($"{web}\n", Ok("ps", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{job}\n{web}\n", Ok("ps", "-a", "--filter", "label=tier", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{web} front\n", Ok("ps", "-a", "-f", "label=tier=front", "-f", "label=owner=dev", "--format", "{{.Names}} {{.Label \"tier\"}}").Stdout);
            Assert.Equal($"{job}\n", Ok("ps", "--filter", "status=created", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{web}\n", Ok("ps", "-a", "--filter", "name=^/" + web, "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{job}\n", Ok("ps", "-f", "since=" + web, "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{job}\n{web}\n", Ok("ps", "-a", "-f", "ancestor=" + f.Image, "--format", "{{.Names}}").Stdout);
            Assert.Equal("", Ok("ps", "-a", "-f", "ancestor=berth-test/none", "-q").Stdout);
            string id = Ok("ps", "-q", "--no-trunc", "-f", "name=" + web).Stdout.Trim();
            Assert.Equal($"{web}\n", Ok("ps", "-f", "id=" + id[..6], "--format", "{{.Names}}").Stdout);
            using var json = JsonDocument.Parse(Ok("ps", "--format", "{{json .}}", "-f", "name=" + web).Stdout);
            // The image's own label is merged under the flags' (docker's merge); sorted by key.
            Assert.Equal("flag=,org.berth.fixture=busybox,owner=dev,tier=front", json.RootElement.GetProperty("Labels").GetString());
            string table = Ok("ps", "-a", "--format", "table {{.Names}}\\t{{.Status}}", "-f", "label=tier").Stdout;
            Assert.Matches(@"^NAMES\s+STATUS\n", table);
            Assert.Contains("Created", table);
            var bad = f.Run("ps", "--format", "{{.Bogus}}");
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("Bogus", bad.Stderr);
            Assert.Equal(1, f.Run("ps", "-f", "status=sleeping").ExitCode);
        }
        finally
        {
            File.Delete(labelFile);
            f.Run("rm", "-f", web, job);
        }
    }

    [EngineFact]
    public void LogsSinceAndUntil()
    {
        string name = NewName();
        Ok("run", "-d", "--name", name, f.Image, "sh", "-c", "echo first; sleep 1.5; echo second; sleep 100");
        Eventually(() => f.Run("logs", name).Stdout == "first\nsecond\n", "both lines");
        var times = Ok("logs", "-t", name).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => DateTimeOffset.Parse(l.Split(' ')[0])).ToList();
        var middle = times[0] + (times[1] - times[0]) / 2;
        Assert.Equal("second\n", Ok("logs", "--since", middle.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), name).Stdout);
        Assert.Equal("first\n", Ok("logs", "--until", (middle.ToUnixTimeMilliseconds() / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture), name).Stdout);
        Assert.Equal("first\nsecond\n", Ok("logs", "--since", "10m", name).Stdout);
        Assert.Equal("", Ok("logs", "--until", "10m", name).Stdout);
        var bad = f.Run("logs", "--since", "yesterday", name);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--since", bad.Stderr);
        Ok("rm", "-f", name);
    }

    [EngineFact]
    public void LogsFollowTailAndUntil()
    {
        string name = NewName(), up = NewName();
        try
        {
            Ok("run", "-d", "--name", name, f.Image, "sh", "-c", "for i in 1 2 3; do echo line$i; done; echo err >&2; sleep 2; echo late; exit 3");
            Eventually(() => f.Run("logs", name).Stderr == "err\n", "the first lines");
            // --tail counts entries of both streams; -f then prints what comes and returns when the container stops.
            var follow = Ok("logs", "-f", "--tail", "2", name);
            Assert.Equal(("line3\nlate\n", "err\n"), (follow.Stdout, follow.Stderr));
            Assert.Equal("3\n", Ok("wait", name).Stdout);
            Assert.Equal("late\n", Ok("logs", "-n", "1", name).Stdout);
            Assert.Equal("", Ok("logs", "--tail", "0", name).Stdout);
            Assert.Equal("line1\nline2\nline3\nlate\n", Ok("logs", "--tail", "all", name).Stdout);
            Assert.Equal(1, f.Run("logs", "--tail", "some", name).ExitCode);

            // -f --until stops following at that time although the container runs on.
            Ok("run", "-d", "--name", up, f.Image, "sh", "-c", "echo up; sleep 100");
            Eventually(() => f.Run("logs", up).Stdout == "up\n", "started");
            string until = (DateTimeOffset.UtcNow.AddSeconds(1.5).ToUnixTimeMilliseconds() / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal("up\n", Ok("logs", "-f", "--until", until, up).Stdout);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.5, 30);
            Assert.Contains("\"Running\": true", Ok("inspect", up).Stdout);
        }
        finally
        {
            f.Run("rm", "-f", name, up);
        }
    }

    [EngineFact]
    public void PsQuietExitedAndJson()
    {
        string ok = NewName(), failed = NewName(), up = NewName();
        try
        {
            Assert.Equal(0, f.Run("run", "--name", ok, f.Image, "true").ExitCode);
            Assert.Equal(3, f.Run("run", "--name", failed, f.Image, "sh", "-c", "exit 3").ExitCode);
            string upId = Ok("run", "-d", "--name", up, f.Image, "sleep", "100").Stdout.Trim();
            Assert.Equal($"{failed}\n", Ok("ps", "-a", "--filter", "exited=3", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{failed}\n{ok}\n", Ok("ps", "-a", "-f", "exited=0", "-f", "exited=3", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{failed}\n{ok}\n", Ok("ps", "-f", "status=exited", "--format", "{{.Names}}").Stdout);
            Assert.Equal($"{upId[..12]}\n", Ok("ps", "-q").Stdout);
            Assert.Equal($"{upId}\n", Ok("ps", "-q", "--no-trunc").Stdout);
            Assert.Equal(3, Ok("ps", "-a", "-q", "-f", "name=" + ok, "-f", "name=" + failed, "-f", "name=" + up).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(1, f.Run("ps", "-f", "exited=x").ExitCode);
            Assert.Equal(1, f.Run("ps", "-f", "bogus=1").ExitCode);
            var lines = Ok("ps", "-a", "--format", "json", "-f", "name=" + up, "-f", "name=" + failed).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            using var running = JsonDocument.Parse(lines[0]);
            Assert.Equal(up, running.RootElement.GetProperty("Names").GetString());
            Assert.Equal("running", running.RootElement.GetProperty("State").GetString());
            Assert.Equal(upId[..12], running.RootElement.GetProperty("ID").GetString());
            using var exited = JsonDocument.Parse(lines[1]);
            Assert.StartsWith("Exited (3)", exited.RootElement.GetProperty("Status").GetString());
        }
        finally
        {
            f.Run("rm", "-f", ok, failed, up);
        }
    }

    [EngineFact]
    public void InspectFormatAppliesAGoTemplateToEachObject()
    {
        string name = NewName(), vol = NewName();
        try
        {
            Ok("volume", "create", "--label", "tier=db", vol);
            Ok("run", "-d", "--name", name, "--label", "app.name=shop", "-v", vol + ":/data", f.Image, "sleep", "60");
            int pid = Pid(name);
            Assert.Equal($"{pid} true /{name}\n", Ok("inspect", "-f", "{{.State.Pid}} {{.State.Running}} {{.Name}}", name).Stdout);
            Assert.Equal("shop\n", Ok("container", "inspect", "--format", "{{index .Config.Labels \"app.name\"}}", name).Stdout);
            Assert.Equal("/data\n", Ok("inspect", "-f", "{{range .Mounts}}{{.Destination}}{{end}}", name).Stdout);
            Assert.Equal($"{vol} db\n", Ok("volume", "inspect", "-f", "{{.Name}} {{.Labels.tier}}", vol).Stdout);
            Assert.StartsWith("sha256:", Ok("inspect", "-f", "{{.Id}}", f.Image).Stdout);
            // One line per object, in the order given.
            Assert.Equal($"/{name}\n/{name}\n", Ok("inspect", "-f", "{{.Name}}", name, name).Stdout);
            var bad = f.Run("inspect", "-f", "{{.Name", name);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("template parsing error", bad.Stderr);
            Assert.Equal("", bad.Stdout);
            var missing = f.Run("inspect", "-f", "{{.Name}}", "berth-test-no-such-object");
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("no such object", missing.Stderr);
        }
        finally
        {
            f.Run("rm", "-f", name);
            f.Run("volume", "rm", vol);
        }
    }
}
