using Berth.Storage.Layers;

namespace Berth.Storage.Tests;

public class LayerPathTests
{
    [Theory]
    [InlineData("usr/bin/sh", "usr/bin/sh")]
    [InlineData("./usr/bin/", "usr/bin")]
    [InlineData("/etc/passwd", "etc/passwd")]
    [InlineData("//etc//./passwd", "etc/passwd")]
    [InlineData("a/b/../c", "a/c")]
    [InlineData("./", "")]
    [InlineData(".", "")]
    public void Normalizes_names_into_the_layer(string name, string expected)
    {
        Assert.Equal(expected, LayerPath.Normalize(name));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../x")]
    [InlineData("/../../x")]
    [InlineData("..")]
    [InlineData("a\0b")]
    public void Rejects_names_that_climb_out(string name)
    {
        var error = Assert.Throws<UnsafeLayerPathException>(() => LayerPath.Normalize(name));
        Assert.Equal(name, error.EntryName);
    }

    [Fact]
    public void Splits_parent_and_name()
    {
        Assert.Equal(("usr/bin", "sh"), LayerPath.Split("usr/bin/sh"));
        Assert.Equal(("", "etc"), LayerPath.Split("etc"));
    }
}
