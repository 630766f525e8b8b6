using System.Text.Json.Serialization;

namespace Berth.Images.Manifest;

/// <summary>
/// A pointer to content (OCI image spec descriptor.md): its media type, digest and exact size. Every blob
/// Berth fetches is checked against both, so a registry cannot hand over different or truncated content.
/// </summary>
public sealed class Descriptor
{
    public string MediaType { get; set; } = "";
    public string Digest { get; set; } = "";
    public long Size { get; set; }
    public List<string>? Urls { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Only in an index: the platform the manifest is for.</summary>
    public Platform? Platform { get; set; }

    [JsonIgnore]
    public string ShortDigest => Digest.Length > 19 ? Digest[7..19] : Digest;
}
