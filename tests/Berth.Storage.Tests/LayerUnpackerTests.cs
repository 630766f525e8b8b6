using Berth.Storage.Interop;
using Berth.Storage.Layers;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.Tests;

/// <summary>Unpacking ordinary layers into a temp directory. Runs as any user; root-only effects are asserted when root.</summary>
public class LayerUnpackerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly bool Root = Environment.IsPrivilegedProcess;

    public void Dispose() => _temp.Dispose();

    private string Target => _temp.CreateSubdirectory("layer");

    [Fact]
    public async Task Creates_files_directories_symlinks_and_hardlinks()
    {
        string target = Target;
        var tar = new LayerBuilder().Dir("etc").File("etc/hostname", "box\n").Symlink("etc/alias", "hostname")
            .Hardlink("etc/hostname.link", "etc/hostname").File("deep/implicit/dirs", "x").Build();
        var report = await Unpack.IntoAsync(target, tar);

        Assert.Equal("box\n", File.ReadAllText(Path.Combine(target, "etc/hostname")));
        Assert.Equal("hostname", new FileInfo(Path.Combine(target, "etc/alias")).LinkTarget);
        var original = FileFacts.MustStat(Path.Combine(target, "etc/hostname"));
        var link = FileFacts.MustStat(Path.Combine(target, "etc/hostname.link"));
        Assert.Equal(original.Inode, link.Inode);
        Assert.Equal(2u, original.LinkCount);
        Assert.True(File.Exists(Path.Combine(target, "deep/implicit/dirs")));
        Assert.Equal(5, report.Entries);
        Assert.Equal(5, report.FileBytes);
    }

    [Fact]
    public async Task Applies_modes_including_setuid_setgid_and_sticky()
    {
        string target = Target;
        var tar = new LayerBuilder().File("bin/su", mode: 0xDED).Dir("tmp", mode: 0x3FF).File("secret", mode: 0x180).Build();
        await Unpack.IntoAsync(target, tar);
        Assert.Equal(0xDEDu, FileFacts.MustStat(Path.Combine(target, "bin/su")).Permissions);
        Assert.Equal(0x3FFu, FileFacts.MustStat(Path.Combine(target, "tmp")).Permissions);
        Assert.Equal(0x180u, FileFacts.MustStat(Path.Combine(target, "secret")).Permissions);
    }

    [Fact]
    public async Task Read_only_directories_get_their_mode_after_their_contents()
    {
        string target = Target;
        await Unpack.IntoAsync(target, new LayerBuilder().Dir("ro", mode: 0x16D).File("ro/inside", "x").Build());
        Assert.Equal(0x16Du, FileFacts.MustStat(Path.Combine(target, "ro")).Permissions);
        Assert.Equal("x", File.ReadAllText(Path.Combine(target, "ro/inside")));
    }

    [Fact]
    public async Task A_hardlink_to_itself_is_ignored()
    {
        string target = Target;
        var report = await Unpack.IntoAsync(target, new LayerBuilder().File("f", "x").Hardlink("f", "f").Build());
        Assert.Equal("x", File.ReadAllText(Path.Combine(target, "f")));
        Assert.Contains(report.Notes, n => n.Contains("to itself"));
    }

    [Fact]
    public async Task Sets_mtimes_of_files_symlinks_and_directories_after_their_contents()
    {
        string target = Target;
        var dirTime = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var tar = new LayerBuilder().Dir("d", mtime: dirTime).File("d/f", "x").Symlink("d/s", "f").Dir("d/sub").Build();
        await Unpack.IntoAsync(target, tar);
        Assert.Equal(dirTime.ToUnixTimeSeconds(), FileFacts.MustStat(Path.Combine(target, "d")).MtimeSeconds);
        long expected = LayerBuilder.DefaultTime.ToUnixTimeSeconds();
        Assert.Equal(expected, FileFacts.MustStat(Path.Combine(target, "d/f")).MtimeSeconds);
        Assert.Equal(expected, FileFacts.MustStat(Path.Combine(target, "d/s")).MtimeSeconds);
    }

    [Fact]
    public async Task Later_entries_replace_earlier_ones_of_another_kind()
    {
        string target = Target;
        var tar = new LayerBuilder().Dir("x").File("x/inner", "1").File("x", "now a file").Symlink("y", "x").File("y", "file").Build();
        await Unpack.IntoAsync(target, tar);
        Assert.Equal("now a file", File.ReadAllText(Path.Combine(target, "x")));
        Assert.True(FileFacts.MustStat(Path.Combine(target, "y")).IsRegular);
    }

    [Fact]
    public async Task Whiteouts_become_overlay_character_devices()
    {
        string target = Target;
        await Unpack.IntoAsync(target, new LayerBuilder().Dir("etc").Whiteout("etc/motd").Build());
        var whiteout = FileFacts.MustStat(Path.Combine(target, "etc/motd"));
        Assert.True(whiteout.IsOverlayWhiteout);
        Assert.False(File.Exists(Path.Combine(target, "etc/.wh.motd")));
    }

    [Fact]
    public async Task A_whiteout_does_not_delete_a_file_of_its_own_layer()
    {
        string target = Target;
        var report = await Unpack.IntoAsync(target, new LayerBuilder().File("keep", "mine").Whiteout("keep").Build());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "keep")));
        Assert.Contains(report.Notes, n => n.Contains("this layer itself provides keep"));
    }

    [Fact]
    public async Task Opaque_markers_become_the_overlay_opaque_xattr()
    {
        string target = Target;
        var options = new UnpackOptions();
        await Unpack.IntoAsync(target, new LayerBuilder().Dir("var").Opaque("var").File("var/new", "n").Build(), options);
        Assert.Equal("y", FileFacts.Xattr(Path.Combine(target, "var"), options.OverlayXattrPrefix + "opaque"));
        Assert.False(File.Exists(Path.Combine(target, "var/.wh..wh..opq")));
    }

    [Fact]
    public async Task User_xattrs_are_applied_and_overlay_ones_refused()
    {
        string target = Target;
        var xattrs = new Dictionary<string, string> { ["user.color"] = "blue", ["trusted.overlay.redirect"] = "/etc" };
        var report = await Unpack.IntoAsync(target, new LayerBuilder().File("f", "x", xattrs: xattrs).Build());
        Assert.Equal("blue", FileFacts.Xattr(Path.Combine(target, "f"), "user.color"));
        Assert.Null(FileFacts.Xattr(Path.Combine(target, "f"), "trusted.overlay.redirect"));
        Assert.Contains(report.Notes, n => n.Contains("overlayfs reserves it"));
    }

    [Fact]
    public async Task Fifos_are_created_and_devices_need_root()
    {
        string target = Target;
        var report = await Unpack.IntoAsync(target, new LayerBuilder().Fifo("fifo").CharDevice("null", 1, 3).Build());
        Assert.Equal(FileStat.S_IFIFO, FileFacts.MustStat(Path.Combine(target, "fifo")).Type);
        var device = FileFacts.Stat(Path.Combine(target, "null"));
        if (Root)
        {
            Assert.Equal((FileStat.S_IFCHR, 1u, 3u), (device!.Value.Type, device.Value.RdevMajor, device.Value.RdevMinor));
        }
        else
        {
            Assert.Null(device);
            Assert.Contains(report.Notes, n => n.Contains("needs root"));
        }
    }

    [Fact]
    public async Task The_component_walk_fallback_unpacks_the_same_tree()
    {
        string target = Target;
        var options = new UnpackOptions { ForceComponentWalk = true };
        await Unpack.IntoAsync(target, new LayerBuilder().File("a/b/c", "deep").Symlink("a/l", "b").Build(), options);
        Assert.Equal("deep", File.ReadAllText(Path.Combine(target, "a/b/c")));
    }

    [Fact]
    public async Task A_hardlink_to_a_file_not_in_the_layer_is_an_error()
    {
        var error = await Assert.ThrowsAsync<LayerUnpackException>(() =>
            Unpack.IntoAsync(Target, new LayerBuilder().Hardlink("link", "usr/bin/lower-layer-file").Build()));
        Assert.Contains("not in this layer", error.Message);
    }
}
