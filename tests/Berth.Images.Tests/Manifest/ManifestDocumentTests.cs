using System.Text;
using Berth.Images.Manifest;

namespace Berth.Images.Tests.Manifest;

public class ManifestDocumentTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
    private const string Hex = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    [Fact]
    public void Not_json_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidManifestException>(() => ManifestDocument.Parse(B("<html>oops</html>"), "text/html", "x:1"));
        Assert.Contains("manifest of x:1 is not valid JSON", e.Message);
    }

    [Fact]
    public void Schema1_is_refused()
    {
        var e = Assert.Throws<InvalidManifestException>(() => ManifestDocument.Parse(B("{\"schemaVersion\":1,\"name\":\"x\"}"), null, "x:1"));
        Assert.Contains("schema 1", e.Message);
    }

    [Fact]
    public void Kind_comes_from_media_type_or_shape()
    {
        Assert.True(ManifestDocument.Parse(B("{\"schemaVersion\":2,\"manifests\":[]}"), null, "x").IsIndex);
        var doc = ManifestDocument.Parse(B($"{{\"schemaVersion\":2,\"config\":{{\"mediaType\":\"{MediaTypes.DockerConfig}\",\"digest\":\"sha256:{Hex}\",\"size\":2}},\"layers\":[]}}"), MediaTypes.DockerManifest, "x");
        Assert.Equal(MediaTypes.DockerManifest, doc.MediaType);
        Assert.Equal(2, doc.Manifest!.Config.Size);
    }

    [Fact]
    public void Bad_descriptor_digest_is_rejected()
    {
        var e = Assert.Throws<InvalidManifestException>(() => ManifestDocument.Parse(B($"{{\"mediaType\":\"{MediaTypes.OciManifest}\",\"config\":{{\"digest\":\"sha256:../../etc\",\"size\":2}},\"layers\":[]}}"), null, "x"));
        Assert.Contains("sha256:../../etc", e.Message);
    }

    [Fact]
    public void Unknown_media_type_is_rejected()
    {
        Assert.Contains("unsupported media type", Assert.Throws<InvalidManifestException>(() => ManifestDocument.Parse(B("{\"mediaType\":\"application/x-foo\"}"), null, "x")).Message);
    }
}
