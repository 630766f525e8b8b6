using Berth.Engine.Copy;
using Berth.Engine.Specs;

namespace Berth.Engine.Tests;

public class CopyPlanTests
{
    [Theory]
    // SRC a file
    [InlineData("/etc/hosts", false, "/out", null, "/", "out")]
    [InlineData("/etc/hosts", false, "/out/f", false, "/out", "f")]
    [InlineData("/etc/hosts", false, "/out", true, "/out", "hosts")]
    // SRC a directory
    [InlineData("/etc", true, "/out/new", null, "/out", "new")]
    [InlineData("/etc", true, "/out", true, "/out", "etc")]
    [InlineData("/etc/", true, "/out", true, "/out", "etc")]
    [InlineData("/etc/.", true, "/out", true, "/out", "")]
    [InlineData("/etc/.", true, "/out/new", null, "/out", "new")]
    [InlineData("etc", true, "out", null, ".", "out")]
    public void DockersRules(string source, bool sourceIsDirectory, string destination, bool? destinationIsDirectory, string directory, string rebase)
    {
        var target = CopyPlan.Decide(source, sourceIsDirectory, destination, destinationIsDirectory);
        Assert.Equal((directory, rebase), (target.Directory, target.RebaseName));
    }

    [Theory]
    [InlineData("/etc/hosts/", false, "/out", true, "not a directory")]
    [InlineData("/etc/hosts/.", false, "/out", true, "not a directory")]
    [InlineData("/etc", true, "/out/f", false, "cannot copy a directory to a file")]
    [InlineData("/etc/hosts", false, "/out/missing/", null, "destination directory /out/missing/ does not exist")]
    public void DockersErrors(string source, bool sourceIsDirectory, string destination, bool? destinationIsDirectory, string message) =>
        Assert.Contains(message, Assert.Throws<EngineException>(() => CopyPlan.Decide(source, sourceIsDirectory, destination, destinationIsDirectory)).Message);

    [Fact]
    public void ViewMapsPathsToTheMountTheyAreUnder()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("vol"));
        File.WriteAllText(dir.Combine("file"), "");
        var view = new ContainerView("/rootfs", readOnlyRootfs: true,
        [
            new MountPoint { Type = "volume", Source = dir.Combine("vol"), Destination = "/data" },
            new MountPoint { Type = "bind", Source = dir.Combine("file"), Destination = "/etc/conf", ReadOnly = true },
        ], ["/scratch"]);
        Assert.Equal(new ContainerView.Location("/rootfs", "/etc/passwd", true, ""), view.Map("etc/passwd"));
        Assert.Equal(new ContainerView.Location(dir.Combine("vol"), "/a/b", false, "/data"), view.Map("/data/a/b/"));
        Assert.Equal(new ContainerView.Location(dir.Combine("vol"), "/", false, "/data"), view.Map("/data"));
        Assert.Equal(new ContainerView.Location("/rootfs", "/database", true, ""), view.Map("/database"));
        Assert.Equal(new ContainerView.Location(dir.Path, "/file", true, "/etc/conf"), view.Map("/etc/conf"));
        Assert.Contains("tmpfs", Assert.Throws<EngineException>(() => view.Map("/scratch/x")).Message);
    }
}
