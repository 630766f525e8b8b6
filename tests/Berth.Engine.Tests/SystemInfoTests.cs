using System.Runtime.InteropServices;
using Berth.Cli.Commands.SystemCommands;
using Berth.Cli.Output;
using Berth.Engine.Disk;
using Berth.Engine.Info;
using Berth.Engine.State;

namespace Berth.Engine.Tests;

public class SystemInfoTests
{
    [Fact]
    public void OperatingSystemPrefersPrettyName()
    {
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", HostFacts.OperatingSystem("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION=\"12 (bookworm)\"\n"));
        Assert.Equal("Alpine Linux 3.19", HostFacts.OperatingSystem("# comment\nNAME='Alpine Linux'\nVERSION=3.19\n"));
        Assert.Equal("Linux", HostFacts.OperatingSystem(null));
    }

    [Fact]
    public void MemTotalIsInBytes()
    {
        Assert.Equal(24683520L * 1024, HostFacts.MemTotal("MemTotal:       24683520 kB\nMemFree:        24206060 kB\n"));
        Assert.Equal(0, HostFacts.MemTotal("MemFree: 1 kB\n"));
    }

    [Fact]
    public void BackingFilesystemIsTheLongestCoveringMountInDockersWords()
    {
        const string mountinfo = """
            22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
            30 22 0:25 / /tmp rw shared:2 - tmpfs tmpfs rw
            31 22 0:26 / /var/lib/my\040data rw shared:3 - xfs /dev/vdb rw
            32 30 0:27 / /tmp/berth-x/merged rw - overlay overlay rw,lowerdir=/a
            """;
        Assert.Equal("extfs", HostFacts.BackingFilesystem(mountinfo, "/var/lib/berth/storage"));
        Assert.Equal("tmpfs", HostFacts.BackingFilesystem(mountinfo, "/tmp/berth-test/storage"));
        Assert.Equal("tmpfs", HostFacts.BackingFilesystem(mountinfo, "/tmp/berth-x/mergedx"));
        Assert.Equal("overlayfs", HostFacts.BackingFilesystem(mountinfo, "/tmp/berth-x/merged/a"));
        Assert.Equal("xfs", HostFacts.BackingFilesystem(mountinfo, "/var/lib/my data/storage"));
        Assert.Equal("unknown", HostFacts.BackingFilesystem("", "/x"));
    }

    [Fact]
    public void MachineIsUnameM()
    {
        Assert.Equal("x86_64", HostFacts.Machine(Architecture.X64));
        Assert.Equal("aarch64", HostFacts.Machine(Architecture.Arm64));
    }

    [Fact]
    public void RuntimeVersionReadsRuncCrunAndBerthRuntime()
    {
        var runc = RuntimeVersion.Parse("runc", "/usr/sbin/runc", "runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1\nspec: 1.0.2-dev\ngo: go1.19.8\n");
        Assert.Equal(("1.1.5+ds1", "1.1.5+ds1-1+deb12u1", "1.0.2-dev"), (runc.Version, runc.Commit, runc.Spec));
        var crun = RuntimeVersion.Parse("crun", "/usr/bin/crun", "crun version 1.8.1\ncommit: f8a096be\nrundir: /run/crun\n+SYSTEMD +SELINUX\n");
        Assert.Equal(("1.8.1", "f8a096be", null), (crun.Version, crun.Commit, crun.Spec));
        Assert.Equal("0.1.0", RuntimeVersion.Parse("berth-runtime", "/x", "berth-runtime version 0.1.0\nspec: 1.2.0\n").Version);
        Assert.Equal("unknown", RuntimeVersion.Parse("x", "/x", "").Version);
    }

    private static ContainerRecord Container(string id, string imageId, string state) => new()
    {
        Id = id.PadRight(64, '0'), Name = id, Image = "busybox", ImageId = imageId, Config = "{}", State = state,
    };

    [Fact]
    public void DiskUsageCountsSharedLayersOnceAndWhatStoppedContainersWrote()
    {
        var images = new List<ImageLayers>
        {
            new("sha256:a", ["a:1"], null, ["l1", "l2"]),
            new("sha256:b", ["b:1"], null, ["l1", "l3"]),
            new("sha256:c", [], null, ["l4"]),
        };
        var layers = new Dictionary<string, long> { ["l1"] = 1000, ["l2"] = 200, ["l3"] = 30, ["l4"] = 4 };
        var containers = new List<ContainerUsage>
        {
            new(Container("c1", "sha256:a", ContainerStatus.Running), 500),
            new(Container("c2", "sha256:a", ContainerStatus.Exited), 70),
            new(Container("c3", "sha256:a", ContainerStatus.Created), 0),
        };
        var u = DiskUsage.Compute(images, layers, containers);
        Assert.Equal(1234, u.LayersSize);
        Assert.Equal(34, u.ImagesReclaimable); // l3 and l4: no container's image needs them
        Assert.Equal(1, u.ActiveImages);
        var a = u.Images[0];
        Assert.Equal((1200L, 1000L, 200L, 3), (a.Size, a.SharedSize, a.UniqueSize, a.Containers));
        Assert.Equal((1030L, 1000L, 0), (u.Images[1].Size, u.Images[1].SharedSize, u.Images[1].Containers));
        Assert.Equal((3, 1, 570L, 70L), (u.Containers.Count, u.ActiveContainers, u.ContainersSize, u.ContainersReclaimable));
        var rows = DiskUsageCommand.Summary(u);
        Assert.Equal(["Images", "Containers", "Local Volumes", "Build Cache"], rows.Select(r => r.Type));
        Assert.Equal(("3", "1", "1.234kB", "34B (2%)"), (rows[0].TotalCount, rows[0].Active, rows[0].Size, rows[0].Reclaimable));
        Assert.Equal(("3", "1", "570B", "70B (12%)"), (rows[1].TotalCount, rows[1].Active, rows[1].Size, rows[1].Reclaimable));
        Assert.Equal(("0", "0", "0B", "0B"), (rows[2].TotalCount, rows[2].Active, rows[2].Size, rows[2].Reclaimable));
    }

    [Fact]
    public void EmptyDiskUsage()
    {
        var u = DiskUsage.Compute([], new Dictionary<string, long>(), []);
        Assert.All(DiskUsageCommand.Summary(u), r => Assert.Equal(("0", "0B", "0B"), (r.TotalCount, r.Size, r.Reclaimable)));
    }

    [Fact]
    public void LocalVolumesCountUsedOnesAsActiveAndUnusedOnesAsReclaimable()
    {
        var used = new Berth.Engine.Volumes.VolumeUsage(new Berth.Engine.Volumes.VolumeRecord { Name = "data" }, "/v/data/_data", ["c1", "c2"], 3000);
        var unused = new Berth.Engine.Volumes.VolumeUsage(new Berth.Engine.Volumes.VolumeRecord { Name = "old" }, "/v/old/_data", [], 1000);

        var u = DiskUsage.Compute([], new Dictionary<string, long>(), [], [used, unused]);

        Assert.Equal((2, 1, 4000L, 1000L), (u.Volumes, u.ActiveVolumes, u.VolumesSize, u.VolumesReclaimable));
        var row = DiskUsageCommand.Summary(u)[2];
        Assert.Equal(("2", "1", "4kB", "1kB (25%)"), (row.TotalCount, row.Active, row.Size, row.Reclaimable));
    }

    [Fact]
    public void SizesAsDockerPrintsThem()
    {
        Assert.Equal("23.54GiB", Units.BinarySize(25275924480));
        Assert.Equal("512B", Units.BinarySize(512));
        Assert.Equal("1.5KiB", Units.BinarySize(1536));
        Assert.Equal("0B", DiskUsageCommand.Reclaimable(0, 0));
        Assert.Equal("500B (50%)", DiskUsageCommand.Reclaimable(500, 1000));
    }

    [Fact]
    public void PruneAsksLikeDocker()
    {
        var output = new StringWriter();
        Assert.False(Confirm.Ask(SystemPruneCommand.Warning(all: false, volumes: false), new StringReader(""), output));
        Assert.Equal("WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\nAre you sure you want to continue? [y/N] ", output.ToString());
        Assert.True(Confirm.Ask("w", new StringReader("y\n"), new StringWriter()));
        Assert.True(Confirm.IsYes(" YES "));
        Assert.False(Confirm.IsYes("n"));
        Assert.Contains("all images without at least one container associated to them", SystemPruneCommand.Warning(all: true, volumes: true));
        Assert.Contains("anonymous volumes", SystemPruneCommand.Warning(all: true, volumes: true));
    }

    [Fact]
    public void VersionTextHasClientAndServerBlocks()
    {
        var report = new VersionReport
        {
            Client = new VersionClient { Version = "0.1.0", DotnetVersion = "10.0.1", Arch = "amd64" },
            Server = new VersionServer
            {
                Version = "0.1.0", DotnetVersion = "10.0.1", Arch = "amd64", KernelVersion = "6.1.0",
                Components = [new() { Name = "Engine", Version = "0.1.0" }, new() { Name = "runc", Version = "1.1.5", Details = new() { ["GitCommit"] = "abc" } }],
            },
        };
        string text = VersionCommand.Text(report);
        Assert.StartsWith("Client:\n Version:           0.1.0\n .NET version:      10.0.1\n OS/Arch:           linux/amd64\n\nServer: Berth Engine (daemonless)\n Engine:\n  Version:          0.1.0\n", text);
        Assert.Contains(" runc:\n  Version:          1.1.5\n  GitCommit:        abc\n", text);
    }
}
