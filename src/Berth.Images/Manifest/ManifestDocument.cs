using System.Text.Json;
using Berth.Images.Reference;

namespace Berth.Images.Manifest;

/// <summary>
/// A manifest as fetched: its exact bytes (the digest is computed over them, never over a re-serialisation),
/// its media type and the parsed form, either an <see cref="ImageIndex"/> or an <see cref="ImageManifest"/>.
/// </summary>
public sealed class ManifestDocument
{
    private ManifestDocument(byte[] bytes, string mediaType, Digest digest, ImageIndex? index, ImageManifest? manifest)
    {
        Bytes = bytes;
        MediaType = mediaType;
        Digest = digest;
        Index = index;
        Manifest = manifest;
    }

    public byte[] Bytes { get; }
    public string MediaType { get; }
    public Digest Digest { get; }
    public ImageIndex? Index { get; }
    public ImageManifest? Manifest { get; }
    public bool IsIndex => Index is not null;

    /// <summary>
    /// Parses manifest bytes. The media type comes from the document's own mediaType field, else the HTTP
    /// Content-Type, else its shape ("manifests" → index). Schema 1 manifests are refused.
    /// </summary>
    public static ManifestDocument Parse(byte[] bytes, string? contentType, string source)
    {
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            root = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidManifestException($"manifest of {source} is not valid JSON: {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidManifestException($"manifest of {source} is not a JSON object");
        string? declared = root.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString() : null;
        string mediaType = declared ?? NormaliseContentType(contentType) ?? (root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest);
        if (mediaType is MediaTypes.DockerManifestSchema1 or MediaTypes.DockerManifestSchema1Signed
            || root.TryGetProperty("schemaVersion", out var sv) && sv.ValueKind == JsonValueKind.Number && sv.GetInt32() == 1)
        {
            throw new InvalidManifestException($"manifest of {source} is Docker schema 1, which Berth does not support (push the image again with a current client)");
        }
        var digest = Reference.Digest.Sha256(bytes);
        if (MediaTypes.IsIndex(mediaType)) return new(bytes, mediaType, digest, ParseIndex(bytes, source), null);
        if (MediaTypes.IsManifest(mediaType)) return new(bytes, mediaType, digest, null, ParseManifest(bytes, source));
        throw new InvalidManifestException($"manifest of {source} has unsupported media type \"{mediaType}\"");
    }

    private static string? NormaliseContentType(string? contentType)
    {
        string? type = contentType?.Split(';')[0].Trim();
        return MediaTypes.IsIndex(type) || MediaTypes.IsManifest(type) || type == MediaTypes.DockerManifestSchema1Signed ? type : null;
    }

    private static ImageIndex ParseIndex(byte[] bytes, string source)
    {
        var index = Deserialize(bytes, ImagesJsonContext.Default.ImageIndex, source);
        foreach (var m in index.Manifests) RequireDigest(m, source);
        return index;
    }

    private static ImageManifest ParseManifest(byte[] bytes, string source)
    {
        var manifest = Deserialize(bytes, ImagesJsonContext.Default.ImageManifest, source);
        RequireDigest(manifest.Config, source);
        foreach (var layer in manifest.Layers) RequireDigest(layer, source);
        return manifest;
    }

    internal static T Deserialize<T>(byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw new InvalidManifestException($"{source}: document is null");
        }
        catch (JsonException e)
        {
            throw new InvalidManifestException($"{source}: invalid {typeof(T).Name} JSON at {e.Path}: {e.Message}", e);
        }
    }

    private static void RequireDigest(Descriptor d, string source)
    {
        if (!Reference.Digest.TryParse(d.Digest, out _, out string? reason)) throw new InvalidManifestException($"manifest of {source}: descriptor digest \"{d.Digest}\": {reason}");
        if (d.Size < 0) throw new InvalidManifestException($"manifest of {source}: descriptor {d.Digest} has negative size {d.Size}");
    }
}
