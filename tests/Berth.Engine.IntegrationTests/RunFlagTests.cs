namespace Berth.Engine.IntegrationTests;

/// <summary>Run flags end to end: --env-file, --init, --privileged, --runtime crun/runc, and docker's codes for bad input.</summary>
[Collection(EngineCollection.Name)]
public class RunFlagTests(EngineFixture f)
{
    private void AssertNothingLeft()
    {
        Assert.Equal("", f.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(f.Entries("containers"));
        Assert.Empty(f.Entries("storage/containers"));
        Assert.Empty(f.RunEntries("containers"));
        Assert.Empty(f.RunEntries("runtime"));
        Assert.Empty(f.LeftoverMounts());
        Assert.Empty(f.LeftoverCgroups());
    }

    private static string TempFile(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), "berth-test-" + Guid.NewGuid().ToString("N")[..8]);
        File.WriteAllText(path, text);
        return path;
    }

    [EngineFact]
    public void EnvFileThenEnvFlags()
    {
        string file = TempFile("# settings\nA=from-file\nB= spaced \nPATH_FROM_HOST_BERTH\nC=x\n");
        try
        {
            var r = f.Run("run", "--rm", "--env-file", file, "-e", "C=flag", "-e", "D=d", f.Image, "sh", "-c", "echo \"$A|$B|$C|$D|${PATH_FROM_HOST_BERTH-unset}\"");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("from-file| spaced |flag|d|unset\n", r.Stdout);
            var missing = f.Run("run", "--rm", "--env-file", file + "-missing", f.Image, "true");
            Assert.Equal(125, missing.ExitCode);
            Assert.Contains("no such file", missing.Stderr);
            File.WriteAllText(file, "BAD KEY=1\n");
            var bad = f.Run("run", "--rm", "--env-file", file, f.Image, "true");
            Assert.Equal(125, bad.ExitCode);
            Assert.Contains("contains whitespaces", bad.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
        AssertNothingLeft();
    }

    [EngineFact]
    public void InitIsPid1ReapsZombiesAndForwardsSignals()
    {
        // PID 1 execs `sleep`, which never waits: an orphan that exits stays a zombie, unless --init's reaper is PID 1.
        const string script = "(sleep 0.8; ps -o pid,stat,comm,args) & sh -c 'sleep 0.2 &'; exec sleep 1.5";
        var with = f.Run("run", "--rm", "--init", f.Image, "sh", "-c", script);
        Assert.True(with.ExitCode == 0, with.ToString());
        var lines = with.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\s*1\s+\S+\s+\S+\s+/run/berth-init -- sh -c", lines.Single(l => l.TrimStart().StartsWith("1 ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains(" Z "));
        var without = f.Run("run", "--rm", f.Image, "sh", "-c", script);
        Assert.Contains(without.Stdout.Split('\n'), l => l.Contains(" Z "));

        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, f.Run("run", "-d", "--init", "--name", name, f.Image, "sh", "-c", "trap 'echo got TERM; exit 7' TERM; echo ready; while true; do sleep 0.1; done").ExitCode);
        for (int i = 0; i < 50 && f.Run("logs", name).Stdout != "ready\n"; i++) Thread.Sleep(100);
        Assert.Equal(0, f.Run("stop", "-t", "10", name).ExitCode);
        Assert.Equal("7\n", f.Run("wait", name).Stdout);
        Assert.Equal("ready\ngot TERM\n", f.Run("logs", name).Stdout);
        Assert.Equal(0, f.Run("rm", name).ExitCode);

        Assert.Equal(127, f.Run("run", "--rm", "--init", f.Image, "berth-test-no-such-command").ExitCode);
        AssertNothingLeft();
    }

    [EngineFact]
    public void PrivilegedSeesHostDevicesAndHasEveryCapability()
    {
        string? device = new[] { "/dev/kmsg", "/dev/fuse", "/dev/loop0", "/dev/mem", "/dev/net/tun" }.FirstOrDefault(File.Exists);
        Assert.NotNull(device);
        string bounding = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("CapBnd:", StringComparison.Ordinal)).Split('\t')[1];
        // /sys read-write, and no masked path: nothing bound over /proc/keys (the default masks it with /dev/null).
        string masked = new[] { "/proc/keys", "/proc/timer_list", "/proc/kcore" }.First(File.Exists);
        string probe = $"grep Seccomp: /proc/self/status; awk '$2==\"/sys\" {{print \"sys\", substr($4, 1, 2)}} $2==\"{masked}\" {{print \"masked\"}}' /proc/mounts";
        var r = f.Run("run", "--rm", "--privileged", f.Image, "sh", "-c", $"test -e {device} && echo device; grep CapEff /proc/self/status; {probe}");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal($"device\nCapEff:\t{bounding}\nSeccomp:\t0\nsys rw\n", r.Stdout);
        var plain = f.Run("run", "--rm", f.Image, "sh", "-c", $"test -e {device} && echo device; {probe}");
        Assert.Equal("Seccomp:\t2\nsys ro\nmasked\n", plain.Stdout);
        AssertNothingLeft();
    }

    [EngineFact]
    public void CrunRuns()
    {
        if (RuntimeMissing("crun") is { } why)
        {
            Assert.Fail(why);
        }
        // On this hybrid cgroup host crun (1.8) runs only behind CrunOnHybridHost (its own view without the cgroup2 mount).
        var r = f.Run("run", "--rm", "--runtime", "crun", f.Image, "sh", "-c", "echo via crun; exit 4");
        Assert.True(r.ExitCode == 4, r.ToString());
        Assert.Equal("via crun\n", r.Stdout);
        var notFound = f.Run("run", "--rm", "--runtime", "crun", f.Image, "berth-test-no-such-command");
        Assert.Equal(127, notFound.ExitCode);
        Assert.Single(notFound.Stderr.Trim().Split('\n'), l => l.StartsWith("berth: ", StringComparison.Ordinal));
        AssertNothingLeft();
    }

    internal static string? RuntimeMissing(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name))) ? null : $"{name} is not installed (apt install {name})";

    [EngineFact]
    public void DockersCodesForBadInput()
    {
        var denied = f.Run("run", "--rm", f.Image, "/etc/passwd");
        Assert.Equal(126, denied.ExitCode);
        Assert.Single(denied.Stderr.Trim().Split('\n'));
        Assert.Contains("permission denied", denied.Stderr, StringComparison.OrdinalIgnoreCase);
        var notFound = f.Run("run", "--rm", f.Image, "/berth-test-nowhere");
        Assert.Equal(127, notFound.ExitCode);
        foreach (var args in new[] { new[] { "restart", "berth-test-nosuch" }, ["pause", "berth-test-nosuch"], ["unpause", "berth-test-nosuch"],
                     ["top", "berth-test-nosuch"], ["stats", "--no-stream", "berth-test-nosuch"], ["rename", "berth-test-nosuch", "berth-test-x"] })
        {
            var r = f.Run(args);
            Assert.True(r.ExitCode == 1, $"{string.Join(' ', args)}: {r}");
            Assert.Equal("berth: no such container: berth-test-nosuch (see 'berth ps -a')", r.Stderr.Trim());
        }
        var badCpus = f.Run("run", "--rm", "--cpus", "lots", f.Image, "true");
        Assert.Equal(125, badCpus.ExitCode);
        var badLabel = f.Run("run", "--rm", "-l", "=v", f.Image, "true");
        Assert.Equal(125, badLabel.ExitCode);
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, f.Run("create", "--name", name, f.Image, "true").ExitCode);
        var paused = f.Run("pause", name);
        Assert.Equal(1, paused.ExitCode);
        Assert.Contains("is not running", paused.Stderr);
        Assert.Equal(1, f.Run("top", name).ExitCode);
        Assert.Equal(0, f.Run("rm", name).ExitCode);
        AssertNothingLeft();
    }
}
