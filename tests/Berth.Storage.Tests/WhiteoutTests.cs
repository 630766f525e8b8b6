using Berth.Storage.Layers;

namespace Berth.Storage.Tests;

public class WhiteoutTests
{
    [Theory]
    [InlineData("file", WhiteoutKind.None, "")]
    [InlineData(".wh.file", WhiteoutKind.Whiteout, "file")]
    [InlineData(".wh..hidden", WhiteoutKind.Whiteout, ".hidden")]
    [InlineData(".wh..wh..opq", WhiteoutKind.Opaque, "")]
    [InlineData(".wh..wh.plnk", WhiteoutKind.AufsMetadata, "")]
    [InlineData("x.wh.y", WhiteoutKind.None, "")]
    public void Classifies_names(string name, WhiteoutKind kind, string target)
    {
        Assert.Equal(kind, Whiteout.Classify(name, out string actualTarget));
        Assert.Equal(target, actualTarget);
    }

    [Theory]
    [InlineData(".wh.")]
    [InlineData(".wh..")]
    [InlineData(".wh...")]
    public void Rejects_whiteouts_without_a_proper_name(string name)
    {
        Assert.Throws<UnsafeLayerPathException>(() => Whiteout.Classify(name, out _));
    }
}
