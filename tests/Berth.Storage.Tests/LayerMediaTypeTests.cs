using Berth.Storage.Layers;

namespace Berth.Storage.Tests;

public class LayerMediaTypeTests
{
    [Theory]
    [InlineData(LayerMediaType.OciTar, LayerCompression.None)]
    [InlineData(LayerMediaType.OciTarGzip, LayerCompression.Gzip)]
    [InlineData(LayerMediaType.OciTarZstd, LayerCompression.Zstd)]
    [InlineData(LayerMediaType.DockerTarGzip, LayerCompression.Gzip)]
    [InlineData("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", LayerCompression.Gzip)]
    public void Knows_the_compression_of_each_layer_type(string mediaType, LayerCompression compression)
    {
        Assert.Equal(compression, LayerMediaType.CompressionOf(mediaType));
    }

    [Fact]
    public void Unknown_media_types_are_a_clear_error()
    {
        var error = Assert.Throws<LayerUnpackException>(() => LayerMediaType.CompressionOf("application/vnd.oci.image.config.v1+json"));
        Assert.Contains("unsupported layer media type", error.Message);
    }

    [Fact]
    public void Sniffs_gzip_and_zstd_magic()
    {
        Assert.Equal(LayerCompression.Gzip, LayerMediaType.Sniff([0x1f, 0x8b, 8, 0]));
        Assert.Equal(LayerCompression.Zstd, LayerMediaType.Sniff([0x28, 0xb5, 0x2f, 0xfd]));
        Assert.Null(LayerMediaType.Sniff("usr/"u8));
    }
}
