using Berth.Oci;
using Berth.Engine.Specs;

namespace Berth.Engine.Tests;

public class ByteSizeTests
{
    [Theory]
    [InlineData("100", 100L)]
    [InlineData("512m", 512L << 20)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("64 kb", 64L << 10)]
    [InlineData("2t", 2L << 40)]
    public void ParsesDockerSizes(string text, long expected) => Assert.Equal(expected, ByteSize.Parse(text));

    [Theory]
    [InlineData("12x")]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("1.g")]
    [InlineData("-5m")]
    public void RejectsWithDockersWording(string text)
    {
        var e = Assert.Throws<FormatException>(() => ByteSize.Parse(text));
        Assert.Equal($"invalid size: '{text}'", e.Message);
    }
}
