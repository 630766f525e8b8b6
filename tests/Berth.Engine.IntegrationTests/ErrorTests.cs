namespace Berth.Engine.IntegrationTests;

/// <summary>Bad input: one clear line on stderr, docker's exit code, and nothing created.</summary>
[Collection(EngineCollection.Name)]
public class ErrorTests(EngineFixture f)
{
    private void AssertCleanFailure(int expectedCode, string expectedText, params string[] args)
    {
        string before = f.Run("ps", "-a", "-q").Stdout;
        var (mounts, cgroups, runtimeState) = (f.LeftoverMounts(), f.LeftoverCgroups(), f.RunEntries("runtime"));
        var r = f.Run(args);
        Assert.True(r.ExitCode == expectedCode, r.ToString());
        Assert.Single(r.Stderr.Trim().Split('\n'), line => line.StartsWith("berth: ", StringComparison.Ordinal));
        Assert.Contains(expectedText, r.Stderr);
        Assert.Equal(before, f.Run("ps", "-a", "-q").Stdout);
        int rows = before.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(rows, f.Entries("storage/containers").Length);
        Assert.Equal(rows, f.Entries("containers").Length);
        Assert.Equal(mounts, f.LeftoverMounts());
        Assert.Equal(cgroups, f.LeftoverCgroups());
        Assert.Equal(runtimeState, f.RunEntries("runtime"));
    }

    [EngineFact]
    public void CommandNotFoundAndNotExecutableWithRm()
    {
        AssertCleanFailure(127, "executable file not found", "run", "--rm", f.Image, "berth-test-no-such-command");
        AssertCleanFailure(127, "no such file", "run", "--rm", f.Image, "/berth-test-nowhere");
        AssertCleanFailure(126, "permission denied", "run", "--rm", f.Image, "/etc/passwd");
        AssertCleanFailure(126, "permission denied", "run", "--rm", f.Image, "/etc");
        AssertCleanFailure(127, "executable file not found", "run", "--rm", "--runtime", "runc", f.Image, "berth-test-no-such-command");
        AssertCleanFailure(126, "permission denied", "run", "--rm", "--runtime", "runc", f.Image, "/etc/passwd");
    }

    [EngineFact]
    public void RemoveRunningNeedsForce()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, f.Run("run", "-d", "--name", name, f.Image, "sleep", "100").ExitCode);
        try
        {
            var r = f.Run("rm", name);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"berth: cannot remove container \"/{name}\": container is running: stop the container before removing or force remove", r.Stderr.Trim());
            Assert.Contains("\"Running\": true", f.Run("inspect", name).Stdout);
            Assert.Equal(0, f.Run("pause", name).ExitCode);
            var paused = f.Run("rm", name);
            Assert.Equal(1, paused.ExitCode);
            Assert.Equal($"berth: cannot remove container \"/{name}\": container is paused and must be unpaused first", paused.Stderr.Trim());
            // A name in use by a running container: 125, one line, nothing new.
            AssertCleanFailure(125, $"the container name \"/{name}\" is already in use", "run", "-d", "--name", name, f.Image, "true");
        }
        finally
        {
            Assert.Equal(0, f.Run("rm", "-f", name).ExitCode);
        }
        Assert.Equal("", f.Run("ps", "-a", "-q", "-f", "name=" + name).Stdout);
    }

    [EngineFact]
    public void BadFlagValues()
    {
        AssertCleanFailure(125, "invalid argument \"12x\" for \"-m, --memory\" flag: invalid size: '12x'", "run", "--rm", "--memory", "12x", f.Image, "true");
        // -v makes a missing host directory (docker does); --mount refuses it with docker's message.
        AssertCleanFailure(125, "invalid mount config for type \"bind\": bind source path does not exist: /berth-test-no-such-dir", "run", "--rm", "--mount", "type=bind,source=/berth-test-no-such-dir,target=/x", f.Image, "true");
        AssertCleanFailure(125, "invalid volume specification: '/a:rel'", "run", "--rm", "-v", "/a:rel", f.Image, "true");
        AssertCleanFailure(125, "Duplicate mount point: /x", "run", "--rm", "-v", "/x", "--tmpfs", "/x", f.Image, "true");
        AssertCleanFailure(125, "unknown flag --bogus", "run", "--bogus", f.Image, "true");
        AssertCleanFailure(125, "invalid ulimit type", "run", "--ulimit", "bogus=1", f.Image, "true");
    }

    [EngineFact]
    public void UnknownImageAndContainer()
    {
        AssertCleanFailure(125, "berth-test/none", "run", "--rm", $"{f.Image.Split('/')[0]}/berth-test/none:latest", "true");
        AssertCleanFailure(1, "no such container: berth-test-nosuch", "stop", "berth-test-nosuch");
        AssertCleanFailure(1, "no such container", "logs", "berth-test-nosuch");
        AssertCleanFailure(1, "no such container", "rm", "berth-test-nosuch");
    }

    [EngineFact]
    public void NameInUse()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, f.Run("create", "--name", name, f.Image, "true").ExitCode);
        AssertCleanFailure(125, "is already in use", "run", "--name", name, f.Image, "true");
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }

    [EngineFact]
    public void CommandNotFoundWithoutRmKeepsACreatedContainer()
    {
        string name = "berth-test-" + Guid.NewGuid().ToString("N")[..8];
        var r = f.Run("run", "--name", name, f.Image, "berth-test-no-such-command");
        Assert.Equal(127, r.ExitCode);
        Assert.Contains("Created", f.Run("ps", "-a").Stdout);
        Assert.Empty(f.LeftoverMounts());
        Assert.Empty(f.RunEntries("runtime"));
        Assert.Equal(0, f.Run("rm", name).ExitCode);
    }
}
