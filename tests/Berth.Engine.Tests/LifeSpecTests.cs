using Berth.Engine.Containers;
using Berth.Engine.Specs;
using ImageContainerConfig = Berth.Images.Manifest.ContainerConfig;

namespace Berth.Engine.Tests;

/// <summary>Labels, --init and --privileged devices in the spec; the env/label file format.</summary>
public class LifeSpecTests
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static (Berth.Oci.Spec.Spec Spec, ContainerConfig Config) Build(CreateOptions o, ImageContainerConfig? image = null, string? init = null, List<Berth.Oci.Spec.Device>? devices = null) =>
        SpecBuilder.Build(new SpecInputs
        {
            Id = Id, Options = o, Image = image ?? new ImageContainerConfig { Cmd = ["sh"], Labels = new() { ["a"] = "image", ["b"] = "image" } },
            RootfsPath = "/r", CgroupsPath = "/berth/" + Id, InitPath = init, HostDevices = devices ?? [],
        });

    [Fact]
    public void LabelsGoOnTopOfTheImages()
    {
        var (_, config) = Build(new CreateOptions { Labels = ["b=flag", "c", "d=x=y"] });
        Assert.Equal(new Dictionary<string, string> { ["a"] = "image", ["b"] = "flag", ["c"] = "", ["d"] = "x=y" }, config.Labels);
        Assert.Null(SpecBuilder.MergeLabels(null, []));
        Assert.Throws<InvalidOptionException>(() => SpecBuilder.MergeLabels(null, ["=v"]));
    }

    [Fact]
    public void InitIsPid1InFrontOfTheCommand()
    {
        var (spec, config) = Build(new CreateOptions { Init = true, Cmd = ["sleep", "1"], Tmpfs = ["/run"] }, init: "/usr/bin/tini-static");
        Assert.Equal([SpecBuilder.InitDestination, "--", "sleep", "1"], spec.Process!.Args!);
        Assert.Equal(["sleep", "1"], config.Cmd);
        var last = spec.Mounts!.Last();
        Assert.Equal((SpecBuilder.InitDestination, "/usr/bin/tini-static", "bind"), (last.Destination, last.Source, last.Type));
        Assert.Contains("ro", last.Options!);
        Assert.Contains("no init binary", Assert.Throws<InvalidOptionException>(() => Build(new CreateOptions { Init = true })).Message);
        Assert.Equal(["sh"], Build(new CreateOptions()).Spec.Process!.Args!);
    }

    [Fact]
    public void PrivilegedGetsTheHostDevices()
    {
        var fuse = new Berth.Oci.Spec.Device { Type = "c", Path = "/dev/fuse", Major = 10, Minor = 229, FileMode = 438 };
        var (spec, _) = Build(new CreateOptions { Privileged = true }, devices: [fuse]);
        Assert.Equal([fuse], spec.Linux!.Devices!);
        Assert.Null(spec.Linux.ReadonlyPaths);
        var (plain, _) = Build(new CreateOptions(), devices: [fuse]);
        Assert.True(plain.Linux!.Devices is null || !plain.Linux.Devices.Contains(fuse));
    }

    [Fact]
    public void HostDevicesListsCharAndBlockDevicesOnly()
    {
        if (!Directory.Exists("/dev") || !File.Exists("/dev/null")) return;
        var devices = HostDevices.List();
        var devNull = Assert.Single(devices, d => d.Path == "/dev/null");
        Assert.Equal(("c", 1L, 3L), (devNull.Type, devNull.Major, devNull.Minor));
        Assert.DoesNotContain(devices, d => d.Path.StartsWith("/dev/pts/", StringComparison.Ordinal) || d.Path == "/dev/console");
    }

    [Fact]
    public void PrivilegedAndCapAddAllGiveTheHostsBoundingSet()
    {
        using var dir = new TempDirectory();
        string status = Path.Combine(dir.Path, "status");
        File.WriteAllText(status, "Name:\tx\nCapBnd:\t000001fffeffffff\n");
        var bounding = ContainerEngine.BoundingSet(status)!;
        Assert.Equal(40, bounding.Count);
        Assert.DoesNotContain("CAP_SYS_RESOURCE", bounding);
        Assert.Contains("CAP_CHECKPOINT_RESTORE", bounding);
        var (spec, _) = SpecBuilder.Build(new SpecInputs
        {
            Id = Id, Options = new CreateOptions { Privileged = true }, Image = new ImageContainerConfig { Cmd = ["sh"] }, RootfsPath = "/r",
            CgroupsPath = "/b", HostCapabilities = bounding,
        });
        Assert.Equal(bounding, spec.Process!.Capabilities!.Bounding!);
        Assert.Equal(bounding, SpecBuilder.Capabilities(["ALL"], [], bounding));
        Assert.Contains("CAP_SYS_RESOURCE", SpecBuilder.Capabilities(["ALL"], []));
        Assert.Equal("1.0.2", spec.OciVersion);
    }

    [Fact]
    public void KeyValueFileIsDockersFormat()
    {
        string text = "\uFEFF# comment\n\n  A=1\nB= spaced value \nC\nD\nE=\"quoted\"\r\nF=x=y\n";
        var entries = KeyValueFile.Parse(text, "env.list", name => name == "C" ? "from-host" : null);
        Assert.Equal(["A=1", "B= spaced value ", "C=from-host", "D", "E=\"quoted\"", "F=x=y"], entries);
        Assert.Equal(["C"], KeyValueFile.Parse("C\n", "labels", null));
        Assert.Contains("line 2: variable 'A B' contains whitespaces", Assert.Throws<InvalidOptionException>(() => KeyValueFile.Parse("X=1\nA B=1\n", "env.list", null)).Message);
        Assert.Contains("no variable name", Assert.Throws<InvalidOptionException>(() => KeyValueFile.Parse("=1\n", "env.list", null)).Message);
        Assert.Contains("no such file", Assert.Throws<InvalidOptionException>(() => KeyValueFile.Read("/berth-test-no-such-file", "env file", null)).Message);
    }
}
