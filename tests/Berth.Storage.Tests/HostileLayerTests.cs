using Berth.Storage.Layers;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.Tests;

/// <summary>
/// Layers crafted to write outside their directory. Each test unpacks next to a sentinel directory (holding one
/// file) and proves the sentinel is unchanged afterwards, whether the layer was rejected or neutralised. Every
/// case runs with openat2 (RESOLVE_IN_ROOT) and with the component-walk fallback.
/// </summary>
public class HostileLayerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _target;
    private readonly string _sentinel;
    private readonly string _victim;

    public HostileLayerTests()
    {
        _target = _temp.CreateSubdirectory("layer");
        _sentinel = _temp.CreateSubdirectory("sentinel");
        _victim = Path.Combine(_sentinel, "victim");
        File.WriteAllText(_victim, "original");
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<bool> Resolvers => new() { false, true };

    private async Task UnpackHostile(LayerBuilder layer, bool componentWalk)
    {
        try
        {
            await Unpack.IntoAsync(_target, layer.Build(), new UnpackOptions { ForceComponentWalk = componentWalk });
        }
        catch (StorageException)
        {
            // rejected: fine, as long as nothing escaped
        }
        AssertSentinelUntouched();
    }

    private void AssertSentinelUntouched()
    {
        Assert.Equal([_victim], FileFacts.Everything(_sentinel));
        Assert.Equal("original", File.ReadAllText(_victim));
        var stat = FileFacts.MustStat(_victim);
        Assert.True(stat.IsRegular);
        Assert.Equal(1u, stat.LinkCount);
        Assert.Null(FileFacts.Xattr(_sentinel, "trusted.overlay.opaque"));
        Assert.Null(FileFacts.Xattr(_sentinel, "user.overlay.opaque"));
    }

    private string RelativeToSentinel => Path.GetRelativePath(_target, _sentinel);

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Dot_dot_entries_are_rejected(bool walk)
    {
        await UnpackHostile(new LayerBuilder().File(RelativeToSentinel + "/pwned", "x"), walk);
        await Assert.ThrowsAsync<UnsafeLayerPathException>(() =>
            Unpack.IntoAsync(_target, new LayerBuilder().File("../escape", "x").Build()));
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Absolute_names_land_inside_the_layer(bool walk)
    {
        await UnpackHostile(new LayerBuilder().File(_sentinel + "/pwned", "x"), walk);
        Assert.True(File.Exists(_target + _sentinel + "/pwned"));
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Entries_under_an_absolute_symlink_stay_inside(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("link", _sentinel).File("link/pwned", "x"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Entries_under_a_relative_symlink_climbing_out_stay_inside(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("link", "../../../../../../.." + _sentinel).File("link/pwned", "x"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Symlink_chains_stay_inside(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("a", "b").Symlink("b", "/..//../" + _sentinel).Dir("a/sub").File("a/sub/pwned"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task A_file_replacing_a_symlink_does_not_write_through_it(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("evil", _victim).File("evil", "overwritten"), walk);
        Assert.Equal("overwritten", File.ReadAllText(Path.Combine(_target, "evil")));
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task A_directory_replaced_by_a_symlink_does_not_redirect_later_entries(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Dir("d").Symlink("d", _sentinel).File("d/pwned", "x").Whiteout("d/victim"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Hardlinks_to_targets_outside_are_rejected(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Hardlink("hl", RelativeToSentinel + "/victim"), walk);
        await UnpackHostile(new LayerBuilder().Hardlink("hl", _victim), walk);
        await UnpackHostile(new LayerBuilder().Symlink("out", _sentinel).Hardlink("hl", "out/victim"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task A_hardlink_to_an_outward_symlink_links_the_symlink_not_its_target(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("s", _victim).Hardlink("h", "s").File("h", "overwritten"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Whiteouts_and_opaque_markers_under_outward_symlinks_stay_inside(bool walk)
    {
        await UnpackHostile(new LayerBuilder().Symlink("link", _sentinel).Whiteout("link/victim").Opaque("link"), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Whiteouts_climbing_out_are_rejected(bool walk)
    {
        await UnpackHostile(new LayerBuilder().File(RelativeToSentinel + "/.wh.victim"), walk);
        await UnpackHostile(new LayerBuilder().File(".wh.."), walk);
    }

    [Theory, MemberData(nameof(Resolvers))]
    public async Task Xattrs_and_modes_on_symlinks_do_not_reach_their_targets(bool walk)
    {
        var xattrs = new Dictionary<string, string> { ["user.pwned"] = "1" };
        await UnpackHostile(new LayerBuilder().Symlink("s", _victim).Symlink("s", _victim), walk);
        await UnpackHostile(new LayerBuilder().Symlink("t", _sentinel).Dir("t", mode: 0x1FF).File("t/x", xattrs: xattrs), walk);
        Assert.Null(FileFacts.Xattr(_victim, "user.pwned"));
        Assert.NotEqual(0x1FFu, FileFacts.MustStat(_sentinel).Permissions);
    }
}
