using System.Formats.Tar;
using Berth.Storage.IntegrationTests.Support;
using Berth.Storage.Interop;
using Berth.Storage.Tests.Support;

namespace Berth.Storage.IntegrationTests;

/// <summary>What only root can check in a layer directory: owners (symlinks included), devices, file capabilities.</summary>
public sealed class LayerUnpackAsRootTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [RootFact]
    public async Task Symlinks_get_their_own_owner_and_setuid_survives_chown()
    {
        string target = _temp.CreateSubdirectory("layer");
        var tar = new LayerBuilder().File("passwd", "x", mode: 0x9ED, uid: 0, gid: 42)
            .Add(TarEntryType.SymbolicLink, "link", 0x1FF, uid: 1234, gid: 5678, link: "passwd").Build();
        await Unpack.IntoAsync(target, tar);
        var link = FileFacts.MustStat(Path.Combine(target, "link"));
        var file = FileFacts.MustStat(Path.Combine(target, "passwd"));
        Assert.Equal((1234u, 5678u), (link.Uid, link.Gid));
        Assert.Equal((0u, 42u, 0x9EDu), (file.Uid, file.Gid, file.Permissions));
    }

    [RootFact]
    public async Task Block_and_character_devices_keep_their_numbers()
    {
        string target = _temp.CreateSubdirectory("layer");
        var tar = new LayerBuilder().CharDevice("tty", 5, 0).Add(TarEntryType.BlockDevice, "loop", 0x1B0, device: (7, 300)).Build();
        await Unpack.IntoAsync(target, tar);
        var block = FileFacts.MustStat(Path.Combine(target, "loop"));
        Assert.Equal((FileStat.S_IFBLK, 7u, 300u, 0x1B0u), (block.Type, block.RdevMajor, block.RdevMinor, block.Permissions));
        Assert.Equal(FileStat.S_IFCHR, FileFacts.MustStat(Path.Combine(target, "tty")).Type);
    }

    [RootFact]
    public async Task Binary_file_capabilities_reach_the_layer_directory()
    {
        string target = _temp.CreateSubdirectory("layer");
        await Unpack.IntoAsync(target, SampleImage.CapsLayer());
        Assert.Equal(SampleImage.Capability, Fs.TryGetXattr(Path.Combine(target, "bin/ping"), "security.capability"));
    }

    [RootFact]
    public async Task Opaque_directories_use_the_trusted_overlay_xattr()
    {
        string target = _temp.CreateSubdirectory("layer");
        await Unpack.IntoAsync(target, new LayerBuilder().Opaque("etc").Build());
        Assert.Equal("y", FileFacts.Xattr(Path.Combine(target, "etc"), "trusted.overlay.opaque"));
    }
}
