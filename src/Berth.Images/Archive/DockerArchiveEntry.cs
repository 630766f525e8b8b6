namespace Berth.Images.Archive;

/// <summary>
/// One element of a docker-archive's <c>manifest.json</c> (the format of <c>docker save</c>, also written by
/// skopeo and podman): the config file, the image's names (<c>"busybox:1.36"</c>), and its layer files bottom
/// first. Layer files are uncompressed tars (<c>ID/layer.tar</c>, <c>HEX.tar</c> or, since Docker 25,
/// <c>blobs/sha256/HEX</c>), so their sha256 is the layer's diff ID; some writers gzip them.
/// </summary>
public sealed class DockerArchiveEntry
{
    public string Config { get; set; } = "";
    public List<string>? RepoTags { get; set; }
    public List<string> Layers { get; set; } = [];
}
