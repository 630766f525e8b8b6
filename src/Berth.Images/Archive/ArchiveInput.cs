using Berth.Storage.Layers;

namespace Berth.Images.Archive;

/// <summary>
/// Opens an archive or tarball given to load/import, decompressing it when its first bytes say gzip or zstd
/// (docker load accepts compressed archives too); xz and bzip2 are named and refused.
/// </summary>
internal static class ArchiveInput
{
    public static async Task<Stream> OpenAsync(Stream input, string source, CancellationToken cancellationToken)
    {
        var (magic, stream) = await SniffedStream.OpenAsync(input, 6, cancellationToken);
        if (magic.Length == 0) throw new ImageArchiveException($"{source} is empty");
        if (magic.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || magic.AsSpan().StartsWith("BZh"u8))
        {
            throw new ImageArchiveException($"{source} is xz- or bzip2-compressed, which Berth does not read; decompress it first (xz -d / bzip2 -d)");
        }
        return LayerDecompression.Open(stream, LayerMediaType.Sniff(magic) ?? LayerCompression.None);
    }
}
