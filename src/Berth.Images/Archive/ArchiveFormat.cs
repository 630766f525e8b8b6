namespace Berth.Images.Archive;

/// <summary>
/// The two image archive formats: docker-archive (what <c>docker save</c> writes: manifest.json, configs,
/// uncompressed layer tars) and oci-archive (a tar of an OCI image layout: oci-layout, index.json,
/// blobs/sha256/...; the layers stay as compressed as they were pulled).
/// </summary>
public enum ArchiveFormat
{
    DockerArchive,
    OciArchive,
}
