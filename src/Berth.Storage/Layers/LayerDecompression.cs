using System.IO.Compression;
using ZstdSharp;

namespace Berth.Storage.Layers;

/// <summary>
/// Wraps a layer blob in the decompressor its media type names: gzip through System.IO.Compression (multi-member
/// streams included), zstd through ZstdSharp (the BCL of .NET 10 has no zstd), plain tar as is. When the blob
/// is seekable its first bytes are checked against the media type, so a mislabelled blob fails with a clear message.
/// </summary>
public static class LayerDecompression
{
    public static Stream Open(Stream blob, string mediaType)
    {
        var declared = LayerMediaType.CompressionOf(mediaType);
        if (blob.CanSeek)
        {
            CheckMagic(blob, declared, mediaType);
        }
        return Open(blob, declared);
    }

    /// <summary>The decompressing reader for <paramref name="compression"/> (the stream itself for plain tar); disposing it disposes the blob.</summary>
    public static Stream Open(Stream blob, LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => new GZipStream(blob, CompressionMode.Decompress, leaveOpen: false),
        LayerCompression.Zstd => new DecompressionStream(blob, leaveOpen: false),
        _ => blob,
    };

    private static void CheckMagic(Stream blob, LayerCompression declared, string mediaType)
    {
        long start = blob.Position;
        Span<byte> magic = stackalloc byte[4];
        int read = blob.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        blob.Position = start;
        var actual = LayerMediaType.Sniff(magic[..read]) ?? LayerCompression.None;
        if (actual != declared)
        {
            throw new LayerUnpackException(
                $"layer blob is {Describe(actual)} but its media type {mediaType} says {Describe(declared)}");
        }
    }

    private static string Describe(LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => "gzip-compressed",
        LayerCompression.Zstd => "zstd-compressed",
        _ => "not compressed",
    };
}
