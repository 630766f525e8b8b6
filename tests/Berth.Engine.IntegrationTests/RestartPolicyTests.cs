namespace Berth.Engine.IntegrationTests;

/// <summary>--restart applied by the container's monitor, with real containers.</summary>
[Collection(EngineCollection.Name)]
public class RestartPolicyTests(EngineFixture f)
{
    private static string Name() => "berth-test-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Fields of `inspect` by dotted path, joined by spaces.</summary>
    private string Inspect(string name, params string[] paths) => string.Join(' ', paths.Select(p => f.Inspect(name, p)));

    private void WaitUntil(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"{what} did not happen in {seconds} s");
            Thread.Sleep(100);
        }
    }

    private void Remove(string name)
    {
        f.Run("rm", "-f", name);
        Assert.Empty(f.RunEntries("containers"));
        Assert.Empty(f.RunEntries("runtime"));
        Assert.Empty(f.LeftoverMounts());
        Assert.Empty(f.LeftoverCgroups());
    }

    [EngineFact]
    public void OnFailureRestartsUpToTheLimitAndKeepsTheLastCode()
    {
        string name = Name();
        try
        {
            Assert.Equal(0, f.Run("run", "-d", "--name", name, "--restart", "on-failure:2", f.Image, "sh", "-c", "echo ran; exit 3").ExitCode);
            Assert.Equal(3, int.Parse(f.Run("wait", name).Stdout.Trim()));
            WaitUntil(() => Inspect(name, "State.Status") == "exited", "exited");
            Assert.Equal("2 3 on-failure 2", Inspect(name, "RestartCount", "State.ExitCode", "HostConfig.RestartPolicy.Name", "HostConfig.RestartPolicy.MaximumRetryCount"));
            Assert.Equal("ran\nran\nran\n", f.Run("logs", name).Stdout);
            // A successful exit is not a failure: no restart.
            string ok = Name();
            Assert.Equal(0, f.Run("run", "--name", ok, "--restart", "on-failure", f.Image, "true").ExitCode);
            Assert.Equal("exited 0", Inspect(ok, "State.Status", "RestartCount"));
            f.Run("rm", ok);
        }
        finally
        {
            Remove(name);
        }
    }

    [EngineFact]
    public void AlwaysRestartsUntilStopAndStopEndsIt()
    {
        foreach (string policy in new[] { "always", "unless-stopped" })
        {
            string name = Name();
            try
            {
                Assert.Equal(0, f.Run("run", "-d", "--name", name, "--restart", policy, f.Image, "sh", "-c", "echo ran; sleep 0.2").ExitCode);
                WaitUntil(() => int.Parse(Inspect(name, "RestartCount")) >= 2, "two restarts");
                Assert.Contains(Inspect(name, "State.Status"), new[] { "running", "restarting" });
                var stop = f.Run("stop", "-t", "1", name);
                Assert.True(stop.ExitCode == 0, stop.ToString());
                Assert.Equal("exited", Inspect(name, "State.Status"));
                string count = Inspect(name, "RestartCount");
                Thread.Sleep(1500);
                Assert.Equal(("exited", count), (Inspect(name, "State.Status"), Inspect(name, "RestartCount")));
                // start again: the policy applies again, from a count of zero.
                Assert.Equal(0, f.Run("start", name).ExitCode);
                WaitUntil(() => int.Parse(Inspect(name, "RestartCount")) >= 1, "a restart after start");
                Assert.Equal(0, f.Run("rm", "-f", name).ExitCode);
                Assert.NotEqual(0, f.Run("inspect", name).ExitCode);
            }
            finally
            {
                Remove(name);
            }
        }
    }

    [EngineFact]
    public void StartAllWithARestartPolicyFilterIsWhatTheBootUnitDoes()
    {
        // The fixture's engine holds other tests' containers too: the filter and names keep this test to its own.
        string always = Name(), unless = Name(), never = Name(), label = "berth-test-boot=" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Assert.Equal(0, f.Run("create", "--name", always, "--label", label, "--restart", "always", f.Image, "sleep", "60").ExitCode);
            Assert.Equal(0, f.Run("create", "--name", unless, "--label", label, "--restart", "unless-stopped", f.Image, "sleep", "60").ExitCode);
            Assert.Equal(0, f.Run("create", "--name", never, "--label", label, f.Image, "sleep", "60").ExitCode);
            var started = f.Run("start", "--all", "--filter", "label=" + label, "--filter", "restart-policy=always", "--filter", "restart-policy=unless-stopped");
            Assert.True(started.ExitCode == 0, started.ToString());
            Assert.Equal([always, unless], started.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("running running created", Inspect(always, "State.Status") + " " + Inspect(unless, "State.Status") + " " + Inspect(never, "State.Status"));
            Assert.Equal(always + "\n", f.Run("ps", "--format", "{{.Names}}", "--filter", "label=" + label, "--filter", "restart-policy=always").Stdout);
            // Running ones are left alone: a second boot start has nothing to do.
            Assert.Equal("", f.Run("start", "--all", "--filter", "label=" + label, "--filter", "restart-policy=always").Stdout);
            var bad = f.Run("start", "--all", never);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("--all without any", bad.Stderr);
        }
        finally
        {
            f.Run("rm", "-f", always);
            f.Run("rm", "-f", unless);
            Remove(never); // and then nothing of the three may be left
        }
    }

    [EngineFact]
    public void RestartWithRmOrABadPolicyIsRefused()
    {
        var both = f.Run("run", "--rm", "--restart", "always", f.Image, "true");
        Assert.Equal(125, both.ExitCode);
        Assert.Contains("--restart and --rm", both.Stderr);
        var bad = f.Run("run", "--restart", "sometimes", f.Image, "true");
        Assert.Equal(125, bad.ExitCode);
        Assert.Contains("sometimes", bad.Stderr);
        Assert.Equal("", f.Run("ps", "-a", "-q").Stdout);
    }
}
