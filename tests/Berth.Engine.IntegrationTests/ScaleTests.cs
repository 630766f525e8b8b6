namespace Berth.Engine.IntegrationTests;

/// <summary>Many detached containers started and removed: nothing may stay behind (bench/engine-scale.sh does 100 and times it).</summary>
[Collection(EngineCollection.Name)]
public class ScaleTests(EngineFixture f)
{
    [EngineFact]
    public void TwentyDetachedContainersStartAndGoWithoutLeaks()
    {
        using var e = new ScratchEngine(f);
        var ids = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            var r = e.Run("run", "-d", "--network", "none", e.Image, "sleep", "1000");
            Assert.True(r.ExitCode == 0, r.ToString());
            ids.Add(r.Stdout.Trim());
        }
        Assert.Equal(20, e.Run("ps", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(20, e.LeftoverProcesses().Count(pid => File.ReadAllText($"/proc/{pid}/cmdline").StartsWith(Path.Combine(Path.GetDirectoryName(f.Berth)!, "berth-monitor"), StringComparison.Ordinal)));
        Assert.Equal(20, e.LeftoverCgroups().Select(Path.GetFileName).Distinct().Count());
        var rm = e.Run(["rm", "-f", .. ids]);
        Assert.True(rm.ExitCode == 0, rm.ToString());
        Assert.Equal("", e.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(e.LeftoverProcesses());
        Assert.Empty(e.LeftoverCgroups());
        Assert.Empty(e.LeftoverMounts());
        Assert.Empty(e.Entries("containers"));
        Assert.Empty(e.Entries("storage/containers"));
        Assert.Empty(e.RunEntries("containers"));
        Assert.Empty(e.RunEntries("runtime"));
    }
}
