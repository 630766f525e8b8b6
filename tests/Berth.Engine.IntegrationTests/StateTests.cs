using System.Text.RegularExpressions;
using Berth.Engine.State;
using Berth.Images.IntegrationTests;

namespace Berth.Engine.IntegrationTests;

/// <summary>The engine's state under pressure: many berth processes at once, and /run lost under running containers.</summary>
[Collection(EngineCollection.Name)]
public class StateTests(EngineFixture f)
{
    private const int Parallel = 20;

    private static ProcessRunner.Result[] AllAtOnce(ScratchEngine e, Func<int, string[]> args) =>
        Enumerable.Range(0, Parallel).AsParallel().WithDegreeOfParallelism(Parallel).Select(i => e.Run(args(i))).ToArray();

    private static void AssertNoLockErrors(IEnumerable<ProcessRunner.Result> results) =>
        Assert.All(results, r => Assert.DoesNotContain("locked", r.Stderr + r.Stdout, StringComparison.OrdinalIgnoreCase));

    private static void AssertIntegrity(ScratchEngine e)
    {
        using var store = new ContainerStore(Path.Combine(e.DataRoot, "engine.db"));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [EngineFact]
    public void ParallelCreatesWithOneNameHaveOneWinner()
    {
        using var e = new ScratchEngine(f);
        var results = AllAtOnce(e, _ => ["create", "--network", "none", "--name", "berth-test-same", e.Image, "true"]);
        AssertNoLockErrors(results);
        Assert.Single(results, r => r.ExitCode == 0);
        Assert.All(results.Where(r => r.ExitCode != 0), r =>
        {
            Assert.Equal(125, r.ExitCode);
            Assert.Matches("^berth: the container name \"/berth-test-same\" is already in use by container \"[0-9a-f]{64}\"", r.Stderr);
        });
        Assert.Single(e.Run("ps", "-a", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(e.Entries("containers"));
        Assert.Single(e.Entries("storage/containers"));
        AssertIntegrity(e);
    }

    [EngineFact]
    public void ParallelCreatesAndRemovesWithDifferentNamesAllSucceed()
    {
        using var e = new ScratchEngine(f);
        var created = AllAtOnce(e, i => ["create", "--network", "none", "--name", $"berth-test-c{i}", e.Image, "true"]);
        AssertNoLockErrors(created);
        Assert.All(created, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(Parallel, e.Run("ps", "-a", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // removals racing each other, and two removals of the same container: one succeeds, the other finds nothing
        var removed = AllAtOnce(e, i => ["rm", $"berth-test-c{i / 2 * 2}"]);
        AssertNoLockErrors(removed);
        Assert.All(removed, r => Assert.True(r.ExitCode == 0 || r.Stderr.Contains("no such container"), r.ToString()));
        Assert.Equal(Parallel / 2, removed.Count(r => r.ExitCode == 0));
        var rest = AllAtOnce(e, i => ["rm", $"berth-test-c{i}"]).Where(r => r.ExitCode == 0).ToList();
        Assert.Equal(Parallel / 2, rest.Count);
        Assert.Equal("", e.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(e.Entries("containers"));
        Assert.Empty(e.Entries("storage/containers"));
        Assert.Empty(e.LeftoverMounts());
        AssertIntegrity(e);
    }

    [EngineFact]
    public void ParallelRunsAndForcedRemovesLeaveNothing()
    {
        using var e = new ScratchEngine(f);
        // half run and exit (--rm: their monitors' cleanups remove them), half stay up detached
        var runs = AllAtOnce(e, i => i % 2 == 0
            ? ["run", "--rm", "--network", "none", e.Image, "echo", $"run {i}"]
            : ["run", "-d", "--network", "none", "--name", $"berth-test-d{i}", e.Image, "sleep", "1000"]);
        AssertNoLockErrors(runs);
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.All(Enumerable.Range(0, Parallel).Where(i => i % 2 == 0), i => Assert.Equal($"run {i}\n", runs[i].Stdout));
        Assert.Equal(Parallel / 2, e.Run("ps", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var removed = AllAtOnce(e, i => ["rm", "-f", $"berth-test-d{i / 2 * 2 + 1}"]);
        AssertNoLockErrors(removed);
        Assert.All(removed, r => Assert.True(r.ExitCode == 0 || r.Stderr.Contains("no such container"), r.ToString()));
        Assert.Equal(Parallel / 2, removed.Count(r => r.ExitCode == 0));
        Assert.Equal("", e.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(e.LeftoverProcesses());
        Assert.Empty(e.LeftoverCgroups());
        Assert.Empty(e.LeftoverMounts());
        Assert.Empty(e.Entries("containers"));
        Assert.Empty(e.Entries("storage/containers"));
        AssertIntegrity(e);
    }

    [EngineFact]
    public void LosingRunShowsContainersExitedAndRmLeavesNothing()
    {
        using var e = new ScratchEngine(f);
        var ids = Enumerable.Range(0, 3).Select(i => e.Run("run", "-d", "--network", "none", "--name", $"berth-test-lost{i}", e.Image, "sleep", "1000").Stdout.Trim()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{64}$", id));
        var pids = ids.Select(id => int.Parse(Regex.Match(e.Run("inspect", id).Stdout, "\"Pid\": (\\d+)").Groups[1].Value)).ToList();
        var monitors = pids.Select(pid => int.Parse(File.ReadAllText($"/proc/{pid}/status").Split('\n').First(l => l.StartsWith("PPid:", StringComparison.Ordinal)).Split('\t')[1])).ToList();
        Assert.All(monitors, m => Assert.Contains("berth-monitor", File.ReadAllText($"/proc/{m}/cmdline")));
        // a reboot, as far as berth can tell: monitors and containers gone without a word, RUNROOT empty
        foreach (int pid in monitors.Concat(pids)) ProcessRunner.Run("kill", ["-9", pid.ToString()]);
        foreach (int pid in pids) for (int i = 0; i < 100 && Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "); i++) Thread.Sleep(20);
        foreach (string entry in Directory.GetFileSystemEntries(e.RunRoot)) DeleteEntry(entry);

        var ps = e.Run("ps", "-a");
        Assert.True(ps.ExitCode == 0, ps.ToString());
        foreach (int i in Enumerable.Range(0, 3)) Assert.Matches($@"Exited \(255\) .*berth-test-lost{i}\n", ps.Stdout);
        Assert.Equal("", e.Run("ps", "-q").Stdout);
        Assert.Empty(e.LeftoverCgroups());
        Assert.Empty(e.LeftoverMounts());
        Assert.All(ids, id => Assert.Equal(0, e.Run("rm", id).ExitCode));
        Assert.Equal("", e.Run("ps", "-a", "-q").Stdout);
        Assert.Empty(e.Entries("containers"));
        Assert.Empty(e.Entries("storage/containers"));
        Assert.Empty(e.RunEntries("containers"));
        Assert.Empty(e.LeftoverProcesses());
        // and the engine still runs containers after it
        var again = e.Run("run", "--rm", "--network", "none", e.Image, "echo", "after the reboot");
        Assert.Equal((0, "after the reboot\n"), (again.ExitCode, again.Stdout));
    }

    private static void DeleteEntry(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }
}
