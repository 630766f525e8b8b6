namespace Berth.Engine.IntegrationTests;

[Collection(EngineCollection.Name)]
public class RunTests(EngineFixture f)
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

    [EngineFact]
    public void RunRmEchoesAndLeavesNothing()
    {
        var r = f.Run("run", "--rm", f.Image, "echo", "hi");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("hi\n", r.Stdout);
        AssertNothingLeft();
    }

    [EngineFact]
    public void ExitCodesAreTheContainersAndDockers()
    {
        Assert.Equal(3, f.Run("run", "--rm", f.Image, "sh", "-c", "exit 3").ExitCode);
        var missing = f.Run("run", "--rm", f.Image, "berth-test-no-such-command");
        Assert.Equal(127, missing.ExitCode);
        Assert.Single(missing.Stderr.Trim().Split('\n'));
        Assert.Contains("berth-test-no-such-command", missing.Stderr);
        var stderr = f.Run("run", "--rm", f.Image, "sh", "-c", "echo oops >&2; exit 1");
        Assert.Equal((1, "oops\n", ""), (stderr.ExitCode, stderr.Stderr, stderr.Stdout));
        AssertNothingLeft();
    }

    [EngineFact]
    public void RuncWorksThroughTheSameCommandLine()
    {
        var r = f.Run("run", "--rm", "--runtime", "runc", f.Image, "sh", "-c", "echo via runc; exit 4");
        Assert.Equal((4, "via runc\n"), (r.ExitCode, r.Stdout));
        AssertNothingLeft();
    }

    [EngineFact]
    public void FlagsReachTheContainer()
    {
        string host = Path.Combine(f.DataRoot, "..", "berth-test-bind-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(host);
        try
        {
            File.WriteAllText(Path.Combine(host, "file"), "from host");
            var r = f.Run("run", "--rm", "-e", "GREETING=hello", "-w", "/tmp", "-u", "daemon", "--hostname", "berth-test-box", "--read-only",
                "-v", $"{Path.GetFullPath(host)}:/data:ro", "--tmpfs", "/scratch", "--memory", "64m", "--pids-limit", "50", "--cap-drop", "ALL", "--network", "none",
                f.Image, "sh", "-c", "echo $GREETING $(pwd) $(id -u):$(id -g) $(hostname) $(cat /data/file); touch /x 2>/dev/null || echo ro; touch /scratch/y && echo tmpfs; ip link 2>/dev/null | grep -c mtu");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("hello /tmp 1:1 berth-test-box from host\nro\ntmpfs\n1\n", r.Stdout);
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
        AssertNothingLeft();
    }
}
