namespace Berth.Storage.Layers;

/// <summary>
/// The layer media types Berth unpacks (OCI image-spec "layer.md" and Docker's image manifest v2 schema 2), and
/// the compression each one names. Pure.
/// </summary>
public static class LayerMediaType
{
    public const string OciTar = "application/vnd.oci.image.layer.v1.tar";
    public const string OciTarGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciTarZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string DockerTarGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerForeignTarGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    private const string OciNondistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";

    /// <summary>The compression a media type names; throws <see cref="LayerUnpackException"/> for any other type.</summary>
    public static LayerCompression CompressionOf(string mediaType) => mediaType switch
    {
        OciTar or OciNondistributable or "application/x-tar" => LayerCompression.None,
        OciTarGzip or DockerTarGzip or DockerForeignTarGzip or OciNondistributable + "+gzip" => LayerCompression.Gzip,
        OciTarZstd or OciNondistributable + "+zstd" => LayerCompression.Zstd,
        _ => throw new LayerUnpackException(
            $"unsupported layer media type \"{mediaType}\": Berth unpacks {OciTar}, {OciTarGzip}, {OciTarZstd} and {DockerTarGzip}"),
    };

    /// <summary>
    /// The compression the first bytes show (gzip 1f 8b, zstd 28 b5 2f fd), or null for anything else. Used to
    /// catch a blob whose media type lies about it.
    /// </summary>
    public static LayerCompression? Sniff(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
        {
            return LayerCompression.Gzip;
        }
        return start.StartsWith((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]) ? LayerCompression.Zstd : null;
    }
}
