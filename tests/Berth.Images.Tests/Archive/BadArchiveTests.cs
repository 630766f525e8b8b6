using System.Text;
using Berth.Images.Archive;
using Berth.Images.Content;
using Berth.Images.Tests.Fakes;
using static Berth.Images.Tests.Archive.ArchiveFixture;

namespace Berth.Images.Tests.Archive;

/// <summary>Every bad archive: one clear <see cref="ImageArchiveException"/>, and the target store stays empty.</summary>
public sealed class BadArchiveTests : IDisposable
{
    private readonly TempDirectory _a = new(), _b = new();
    private readonly ImageStore _source, _target;

    public BadArchiveTests()
    {
        _source = new ImageStore(_a.Path);
        _target = new ImageStore(_b.Path);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private async Task<(ImageRecord Image, byte[] Archive)> Saved(ArchiveFormat format)
    {
        var image = await ImportAsync(_source);
        return (image, await SaveAsync(_source, format, new SaveItem(image, image.Names[0])));
    }

    private async Task<string> LoadFails(byte[] archive)
    {
        var e = await Assert.ThrowsAsync<ImageArchiveException>(() => LoadAsync(_target, archive));
        Assert.DoesNotContain('\n', e.Message);
        AssertEmpty(_target);
        return e.Message;
    }

    [Theory]
    [InlineData(ArchiveFormat.DockerArchive)]
    [InlineData(ArchiveFormat.OciArchive)]
    public async Task A_truncated_archive_is_refused(ArchiveFormat format)
    {
        var (_, archive) = await Saved(format);
        foreach (int cut in new[] { archive.Length / 2, 700, archive.Length - 2000 })
        {
            string message = await LoadFails(archive[..cut]);
            Assert.True(message.Contains("truncated") || message.Contains("is not in the archive"), message);
        }
    }

    [Fact]
    public async Task A_truncated_gzipped_archive_is_refused()
    {
        var (_, archive) = await Saved(ArchiveFormat.DockerArchive);
        byte[] gzip = TestImage.Gzip(archive);
        Assert.Contains("truncated", await LoadFails(gzip[..(gzip.Length / 2)]));
    }

    [Fact]
    public async Task A_docker_archive_naming_a_missing_layer_is_refused()
    {
        var (image, archive) = await Saved(ArchiveFormat.DockerArchive);
        string message = await LoadFails(Rewrite(archive, (name, content) => name.EndsWith(".tar") ? null : content));
        Assert.Equal($"archive test.tar: the layer \"{image.DiffIds[0][7..]}.tar\" is not in the archive (truncated or incomplete archive?)", message);
    }

    [Fact]
    public async Task An_oci_archive_naming_a_missing_blob_is_refused()
    {
        var (image, archive) = await Saved(ArchiveFormat.OciArchive);
        string config = "blobs/sha256/" + image.Id[7..];
        Assert.Contains($"the config blob \"{config}\" is not in the archive", await LoadFails(Rewrite(archive, (name, content) => name == config ? null : content)));
    }

    [Fact]
    public async Task An_oci_blob_whose_content_does_not_match_its_digest_is_refused()
    {
        var (image, archive) = await Saved(ArchiveFormat.OciArchive);
        string layer = "blobs/sha256/" + image.Layers[0].Digest[7..];
        string message = await LoadFails(Rewrite(archive, (name, content) => name == layer ? Flip(content) : content));
        Assert.Contains($"layer blob {layer} does not match its digest", message);
    }

    [Fact]
    public async Task A_docker_archive_layer_that_does_not_match_its_diff_id_is_refused()
    {
        var (image, archive) = await Saved(ArchiveFormat.DockerArchive);
        byte[] other = TestImage.Tar(("x", "other"u8.ToArray()));
        string message = await LoadFails(Rewrite(archive, (name, content) => name.EndsWith(".tar") ? other : content));
        Assert.Contains($"does not match its diff ID", message);
        Assert.Contains(image.DiffIds[0], message);
    }

    [Fact]
    public async Task A_compressed_layer_that_does_not_match_its_diff_id_fails_at_unpack_and_leaves_nothing()
    {
        var (_, archive) = await Saved(ArchiveFormat.DockerArchive);
        byte[] other = TestImage.Gzip(TestImage.Tar(("x", "other"u8.ToArray())));
        Assert.Contains("does not match its diff ID", await LoadFails(Rewrite(archive, (name, content) => name.EndsWith(".tar") ? other : content)));
    }

    [Fact]
    public async Task Something_that_is_not_an_image_archive_is_refused()
    {
        Assert.Equal("archive test.tar is empty", await LoadFails([]));
        Assert.Contains("truncated or not a tar archive", await LoadFails(Encoding.UTF8.GetBytes(new string('x', 2000))));
        Assert.Contains("neither a docker-archive", await LoadFails(TestImage.Tar(("hello.txt", "hi"u8.ToArray()))));
        Assert.Contains("is not a valid docker-archive manifest", await LoadFails(TestImage.Tar(("manifest.json", "{"u8.ToArray()))));
        Assert.Contains("xz- or bzip2-compressed", await LoadFails("BZh91AY&SY"u8.ToArray()));
    }

    private static byte[] Flip(byte[] content)
    {
        byte[] copy = (byte[])content.Clone();
        copy[copy.Length / 2] ^= 0xFF;
        return copy;
    }
}
