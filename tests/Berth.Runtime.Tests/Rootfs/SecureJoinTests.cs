using Berth.Runtime.Rootfs;

namespace Berth.Runtime.Tests.Rootfs;

public class SecureJoinTests
{
    private static string Join(string path, Dictionary<string, string>? links = null) =>
        SecureJoin.Join("/rootfs", path, p => links is not null && links.TryGetValue(p, out var t) ? t : null);

    [Theory]
    [InlineData("/proc", "/rootfs/proc")]
    [InlineData("proc", "/rootfs/proc")]
    [InlineData("/a/./b//c/", "/rootfs/a/b/c")]
    [InlineData("/", "/rootfs")]
    [InlineData("/../../etc", "/rootfs/etc")]
    [InlineData("/a/../../../b", "/rootfs/b")]
    public void Plain_paths_stay_inside(string path, string expected) => Assert.Equal(expected, Join(path));

    [Fact]
    public void An_absolute_symlink_is_resolved_inside_the_rootfs()
    {
        var links = new Dictionary<string, string> { ["/rootfs/etc"] = "/host-etc" };
        Assert.Equal("/rootfs/host-etc/passwd", Join("/etc/passwd", links));
    }

    [Fact]
    public void A_relative_symlink_climbing_out_is_clamped()
    {
        var links = new Dictionary<string, string> { ["/rootfs/data"] = "../../../../tmp" };
        Assert.Equal("/rootfs/tmp/x", Join("/data/x", links));
    }

    [Fact]
    public void Chained_symlinks_are_followed()
    {
        var links = new Dictionary<string, string> { ["/rootfs/a"] = "b", ["/rootfs/b"] = "/c/d" };
        Assert.Equal("/rootfs/c/d/e", Join("/a/e", links));
    }

    [Fact]
    public void A_symlink_loop_is_an_error_not_a_hang()
    {
        var links = new Dictionary<string, string> { ["/rootfs/a"] = "/b", ["/rootfs/b"] = "/a" };
        var e = Assert.ThrowsAny<Oci.BerthException>(() => Join("/a/x", links));
        Assert.Contains("too many levels", e.Message);
    }

    [Fact]
    public void Real_symlinks_on_disk_are_clamped()
    {
        string root = Path.Combine(Path.GetTempPath(), "berth-test-securejoin-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        try
        {
            File.CreateSymbolicLink(Path.Combine(root, "escape"), "/etc");
            Assert.Equal(root + "/etc/shadow", SecureJoin.Join(root, "/escape/shadow"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
