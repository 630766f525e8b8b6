using Berth.Storage.Snapshots.Overlay;

namespace Berth.Storage.Tests;

public class OverlayMountOptionsTests
{
    [Fact]
    public void Lowerdir_lists_the_top_layer_first()
    {
        string options = OverlayMountOptions.Format(["/s/base", "/s/middle", "/s/top"], "/c/upper", "/c/work");
        Assert.Equal("lowerdir=/s/top:/s/middle:/s/base,upperdir=/c/upper,workdir=/c/work", options);
    }

    [Fact]
    public void Uses_full_paths_while_they_fit_in_a_page()
    {
        string options = OverlayMountOptions.Build(["/full/a"], ["/l/a"], "/u", "/w", 4096);
        Assert.Contains("/full/a", options);
    }

    [Fact]
    public void Falls_back_to_short_links_when_full_paths_exceed_the_page()
    {
        var full = Enumerable.Range(0, 60).Select(i => $"/var/lib/berth/storage/layers/{new string('a', 63)}{i}/diff").ToList();
        var links = Enumerable.Range(0, 60).Select(i => $"/var/lib/berth/storage/l/{i:D20}").ToList();
        Assert.True(OverlayMountOptions.Format(full, "/u", "/w").Length >= 4096);
        string options = OverlayMountOptions.Build(full, links, "/u", "/w", 4096);
        Assert.StartsWith($"lowerdir={links[^1]}:", options);
        Assert.True(options.Length < 4096);
    }

    [Fact]
    public void Too_many_layers_even_for_short_links_is_a_clear_error()
    {
        var links = Enumerable.Range(0, 200).Select(i => $"/var/lib/berth/storage/l/{i:D20}").ToList();
        var error = Assert.Throws<StorageException>(() => OverlayMountOptions.Build(links, links, "/u", "/w", 4096));
        Assert.Contains("200 layers are too many", error.Message);
    }

    [Theory]
    [InlineData("/a,b")]
    [InlineData("/a:b")]
    public void Refuses_separators_in_directory_names(string dir)
    {
        Assert.Throws<StorageException>(() => OverlayMountOptions.Format([dir], "/u", "/w"));
    }

    [Fact]
    public void Short_link_names_come_from_the_diff_id()
    {
        string diffId = "sha256:" + new string('0', 10) + new string('f', 54);
        Assert.Equal("0000000000ffffffffff", OverlayMountOptions.ShortLinkName(diffId));
    }
}
