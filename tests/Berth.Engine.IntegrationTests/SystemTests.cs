using System.Text.Json;

namespace Berth.Engine.IntegrationTests;

/// <summary>info, version, system df, system prune, and rmi / image prune of images containers use; each in its own root.</summary>
[Collection(EngineCollection.Name)]
public class SystemTests(EngineFixture f)
{
    [EngineFact]
    public void InfoCountsContainersAndNamesTheHost()
    {
        using var e = new ScratchEngine(f);
        Assert.Equal(0, e.Run("run", "-d", "--network", "none", "--name", "berth-test-up", e.Image, "sleep", "1000").ExitCode);
        Assert.Equal(0, e.Run("create", "--network", "none", e.Image, "true").ExitCode);
        var r = e.Run("info", "--format", "json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var info = JsonDocument.Parse(r.Stdout);
        var root = info.RootElement;
        Assert.Equal((2, 1, 1, 1), (root.GetProperty("Containers").GetInt32(), root.GetProperty("ContainersRunning").GetInt32(),
            root.GetProperty("ContainersStopped").GetInt32(), root.GetProperty("Images").GetInt32()));
        Assert.Contains(root.GetProperty("Driver").GetString(), new[] { "overlay", "vfs" });
        string expectedCgroup = File.Exists("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1";
        Assert.Equal(expectedCgroup, root.GetProperty("CgroupVersion").GetString());
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), root.GetProperty("KernelVersion").GetString());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("NCPU").GetInt32());
        Assert.True(root.GetProperty("MemTotal").GetInt64() > 0);
        Assert.Equal(e.DataRoot, root.GetProperty("DockerRootDir").GetString());
        Assert.Equal("berth-runtime", root.GetProperty("DefaultRuntime").GetString());
        Assert.True(root.GetProperty("Runtimes").TryGetProperty("berth-runtime", out var runtime));
        Assert.Equal("0.1.0", runtime.GetProperty("Version").GetString());
        string text = e.Run("info").Stdout;
        Assert.Contains(" Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n", text);
        Assert.Contains($" Cgroup Version: {expectedCgroup}", text);
        Assert.Contains(" Backing Filesystem: ", text);
    }

    [EngineFact]
    public void VersionNamesClientServerAndRuntime()
    {
        var r = f.Run("version");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.StartsWith("Client:\n Version:           0.1.0\n", r.Stdout);
        Assert.Contains("Server: Berth Engine (daemonless)", r.Stdout);
        Assert.Contains(" berth-runtime:\n  Version:          0.1.0\n", r.Stdout);
        Assert.Contains(" berth-monitor:\n", r.Stdout);
        using var json = JsonDocument.Parse(f.Run("version", "--format", "json").Stdout);
        Assert.Equal("0.1.0", json.RootElement.GetProperty("Server").GetProperty("Version").GetString());
        Assert.Equal(Environment.Version.ToString(), json.RootElement.GetProperty("Client").GetProperty("DotnetVersion").GetString());
    }

    [EngineFact]
    public void DiskUsageMeasuresWhatContainersWrote()
    {
        using var e = new ScratchEngine(f);
        var empty = e.Run("system", "df");
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Matches(@"^TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE\nImages\s+1\s+0\s+\S+\s+\S+ \(100%\)\nContainers\s+0\s+0\s+0B\s+0B\nLocal Volumes\s+0\s+0\s+0B\s+0B\nBuild Cache\s+0\s+0\s+0B\s+0B\n$", empty.Stdout);
        var run = e.Run("run", "--network", "none", "--name", "berth-test-writer", e.Image, "dd", "if=/dev/zero", "of=/big", "bs=1024", "count=512");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = e.Run("system", "df", "--format", "json").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var containers = JsonDocument.Parse(lines[1]);
        Assert.Equal(("Containers", "1", "0"), (containers.RootElement.GetProperty("Type").GetString(), containers.RootElement.GetProperty("TotalCount").GetString(), containers.RootElement.GetProperty("Active").GetString()));
        Assert.Matches(@"^5\d\d(\.\d+)?kB$", containers.RootElement.GetProperty("Size").GetString());
        Assert.EndsWith("(100%)", containers.RootElement.GetProperty("Reclaimable").GetString());
        string verbose = e.Run("system", "df", "-v").Stdout;
        Assert.Contains("Images space usage:", verbose);
        Assert.Matches(@"berth-test/busybox\s+latest\s+[0-9a-f]{12}\s+.*\s1\n", verbose);
        Assert.Matches(@"Containers space usage:\n\nCONTAINER ID\s+IMAGE\s+COMMAND\s+LOCAL VOLUMES\s+SIZE\s+CREATED\s+STATUS\s+NAMES\n[0-9a-f]{12}\s+.*\s5\d\d(\.\d+)?kB\s.*Exited \(0\).*berth-test-writer\n", verbose);
    }

    [EngineFact]
    public void PruneAsksThenRemovesStoppedContainersAndUnusedImages()
    {
        using var e = new ScratchEngine(f);
        Assert.Equal(0, e.Run("run", "--network", "none", "--name", "berth-test-done", e.Image, "true").ExitCode);
        string running = e.Run("run", "-d", "--network", "none", "--name", "berth-test-up", e.Image, "sleep", "1000").Stdout.Trim();
        var network = e.Run("network", "create", "--subnet", "10.214.253.0/24", "-o", "com.docker.network.bridge.name=berth-test-spr", "berth-test-sprune");
        Assert.True(network.ExitCode == 0, network.ToString());
        var no = e.RunWithInput("n\n", "system", "prune");
        Assert.Equal(0, no.ExitCode);
        Assert.Contains("Are you sure you want to continue? [y/N]", no.Stdout);
        Assert.Contains("berth-test-done", e.Run("ps", "-a").Stdout);
        var yes = e.RunWithInput("y\n", "system", "prune", "-a");
        Assert.True(yes.ExitCode == 0, yes.ToString());
        Assert.Contains("Deleted Containers:\n", yes.Stdout);
        Assert.Contains("\n\nDeleted Networks:\nberth-test-sprune\n\n", yes.Stdout);
        Assert.DoesNotContain("berth-test-sprune", e.Run("network", "ls").Stdout);
        Assert.Contains("Total reclaimed space: ", yes.Stdout);
        Assert.DoesNotContain("Deleted Images:", yes.Stdout); // the running container's image stays
        Assert.Equal(running[..12] + "\n", e.Run("ps", "-a", "-q").Stdout);
        Assert.Single(e.Run("images", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, e.Run("rm", "-f", running).ExitCode);
        var all = e.Run("system", "prune", "-a", "-f");
        Assert.Contains("Deleted Images:\nuntagged: ", all.Stdout);
        Assert.Matches(@"Total reclaimed space: [1-9][0-9.]*[kM]B\n$", all.Stdout);
        Assert.Equal("", e.Run("images", "-q").Stdout);
        Assert.DoesNotContain(e.Entries("storage/layers"), p => !Path.GetFileName(p).Contains(".tmp-", StringComparison.Ordinal));
    }

    [EngineFact]
    public void ContainerPruneRemovesOnlyStoppedOnes()
    {
        using var e = new ScratchEngine(f);
        string created = e.Run("create", "--network", "none", e.Image, "true").Stdout.Trim();
        string running = e.Run("run", "-d", "--network", "none", e.Image, "sleep", "1000").Stdout.Trim();
        var prune = e.Run("container", "prune", "-f");
        Assert.True(prune.ExitCode == 0, prune.ToString());
        Assert.StartsWith($"Deleted Containers:\n{created}\n\nTotal reclaimed space: ", prune.Stdout);
        Assert.Equal(running[..12] + "\n", e.Run("ps", "-a", "-q").Stdout);
    }

    [EngineFact]
    public void RmiRefusesAnImageAContainerUses()
    {
        using var e = new ScratchEngine(f);
        Assert.Equal(0, e.Run("create", "--network", "none", "--name", "berth-test-user", e.Image, "echo", "still here").ExitCode);
        var rmi = e.Run("rmi", e.Image);
        Assert.Equal(1, rmi.ExitCode);
        Assert.Matches(@"^berth: conflict: unable to remove repository reference "".*berth-test/busybox:latest"" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$", rmi.Stderr);
        var prune = e.Run("image", "prune", "-a", "-f");
        Assert.Equal(0, prune.ExitCode);
        Assert.DoesNotContain("Deleted", prune.Stdout);
        var forced = e.Run("rmi", "-f", e.Image);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.StartsWith("Untagged: ", forced.Stdout);
        // the stopped container keeps its layers (an image with no name, or kept for the snapshot), and still starts
        var start = e.Run("start", "-a", "berth-test-user");
        Assert.Equal((0, "still here\n"), (start.ExitCode, start.Stdout));
        Assert.Equal(0, e.Run("rm", "berth-test-user").ExitCode);
        Assert.Equal(0, e.Run("image", "prune", "-a", "-f").ExitCode);
        Assert.DoesNotContain(e.Entries("storage/layers"), p => !Path.GetFileName(p).Contains(".tmp-", StringComparison.Ordinal));
    }
}
