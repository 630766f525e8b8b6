using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Berth.Images.Manifest;
using Berth.Images.Reference;

namespace Berth.Images.Tests.Fakes;

/// <summary>Builds small images in a <see cref="FakeRegistry"/>: a gzipped tar layer holding one file of random bytes, a config, a manifest, optionally an index.</summary>
public static class TestImage
{
    public const string Repository = "library/busybox";

    public static (Digest Manifest, byte[] Layer, Digest Config, int ManifestSize) AddManifest(FakeRegistry registry, string tag, string arch = "amd64", int layerSize = 3000, string? variant = null, string? diffId = null)
    {
        byte[] tar = Tar(("data", RandomBytes(layerSize)));
        byte[] layer = Gzip(tar);
        var layerDigest = registry.AddBlob(layer);
        string v = variant is null ? "" : $",\"variant\":\"{variant}\"";
        byte[] config = Encoding.UTF8.GetBytes($"{{\"architecture\":\"{arch}\"{v},\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\",\"config\":{{\"Cmd\":[\"/bin/sh\"]}},\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{diffId ?? Digest.Sha256(tar).ToString()}\"]}},\"history\":[{{\"created_by\":\"test\"}}]}}");
        var configDigest = registry.AddBlob(config);
        byte[] manifest = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciManifest}\",\"config\":{{\"mediaType\":\"{MediaTypes.OciConfig}\",\"digest\":\"{configDigest}\",\"size\":{config.Length}}},\"layers\":[{{\"mediaType\":\"{MediaTypes.OciLayerGzip}\",\"digest\":\"{layerDigest}\",\"size\":{layer.Length}}}]}}");
        var digest = Digest.Sha256(manifest);
        registry.AddManifest(Repository, digest.ToString(), manifest, MediaTypes.OciManifest);
        registry.AddManifest(Repository, tag, manifest, MediaTypes.OciManifest);
        return (digest, layer, configDigest, manifest.Length);
    }

    public static byte[] RandomBytes(int size)
    {
        byte[] bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A tar (PAX, System.Formats.Tar) of regular files.</summary>
    public static byte[] Tar(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = (UnixFileMode)0x1A4 });
            }
        }
        return output.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>An index with linux/amd64 and linux/arm64/v8 manifests under <paramref name="tag"/>.</summary>
    public static Digest AddIndex(FakeRegistry registry, string tag)
    {
        var amd64 = AddManifest(registry, tag + "-amd64");
        var arm64 = AddManifest(registry, tag + "-arm64", "arm64", variant: "v8");
        string Entry((Digest Manifest, byte[] Layer, Digest Config, int ManifestSize) m, string arch, string? variant) =>
            $"{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"digest\":\"{m.Manifest}\",\"size\":{m.ManifestSize},\"platform\":{{\"os\":\"linux\",\"architecture\":\"{arch}\"{(variant is null ? "" : $",\"variant\":\"{variant}\"")}}}}}";
        byte[] index = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"{MediaTypes.OciIndex}\",\"manifests\":[{Entry(amd64, "amd64", null)},{Entry(arm64, "arm64", "v8")}]}}");
        registry.AddManifest(Repository, tag, index, MediaTypes.OciIndex);
        registry.AddManifest(Repository, Digest.Sha256(index).ToString(), index, MediaTypes.OciIndex);
        return Digest.Sha256(index);
    }
}
