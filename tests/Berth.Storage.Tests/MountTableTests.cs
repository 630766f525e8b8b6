using Berth.Storage.Snapshots;

namespace Berth.Storage.Tests;

public class MountTableTests
{
    private const string Sample =
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n" +
        "95 22 0:50 / /var/lib/berth/containers/c1/merged rw - overlay overlay rw,lowerdir=/x\n" +
        "96 22 0:51 / /tmp/with\\040space rw - tmpfs tmpfs rw\n";

    [Theory]
    [InlineData("/var/lib/berth/containers/c1/merged", true)]
    [InlineData("/var/lib/berth/containers/c1/merged/", true)]
    [InlineData("/tmp/with space", true)]
    [InlineData("/var/lib/berth/containers/c2/merged", false)]
    public void Finds_mount_points_by_the_fifth_field(string path, bool expected)
    {
        Assert.Equal(expected, MountTable.IsMountPoint(Sample, path));
    }
}
