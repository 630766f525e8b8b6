using System.Security.Cryptography;
using System.Text;
using Berth.Images.Archive;
using Berth.Images.Content;
using Berth.Images.Tests.Fakes;
using static Berth.Images.Tests.Archive.ArchiveFixture;

namespace Berth.Images.Tests.Archive;

public sealed class SaveLoadTests : IDisposable
{
    private readonly TempDirectory _a = new(), _b = new();
    private readonly ImageStore _source, _target;

    public SaveLoadTests()
    {
        _source = new ImageStore(_a.Path);
        _target = new ImageStore(_b.Path);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    [Theory]
    [InlineData(ArchiveFormat.DockerArchive)]
    [InlineData(ArchiveFormat.OciArchive)]
    public async Task Save_then_load_gives_the_same_image_unpacked(ArchiveFormat format)
    {
        var image = await ImportAsync(_source);
        byte[] archive = await SaveAsync(_source, format, new SaveItem(image, image.Names[0]));
        var result = await LoadAsync(_target, archive);
        Assert.Equal(format, result.Format);
        var loaded = Assert.Single(result.Images);
        Assert.Equal(image.Id, loaded.Image.Id);
        Assert.Equal(["docker.io/library/imported:1"], loaded.Names);
        Assert.Equal(image.DiffIds, loaded.Image.DiffIds);
        Assert.Equal("berth\n", File.ReadAllText(Path.Combine(_target.Layers.PathOf(image.DiffIds[0]), "etc/hostname")));
        Assert.Equal(image.Id, _target.Get("imported:1").Id);
        Assert.All(loaded.Image.BlobDigests(), d => Assert.True(_target.Content.Has(Berth.Images.Reference.Digest.Parse(d))));
    }

    [Fact]
    public async Task Docker_archive_layers_are_uncompressed_tars_named_by_diff_id()
    {
        var image = await ImportAsync(_source);
        var files = Files(await SaveAsync(_source, ArchiveFormat.DockerArchive, new SaveItem(image, image.Names[0])));
        string layer = image.DiffIds[0][7..] + ".tar";
        Assert.Equal(image.DiffIds[0], "sha256:" + Convert.ToHexStringLower(SHA256.HashData(files[layer])));
        Assert.Equal(RootfsTar, files[layer]);
        string manifest = Encoding.UTF8.GetString(files["manifest.json"]);
        Assert.Equal($"[{{\"Config\":\"{image.Id[7..]}.json\",\"RepoTags\":[\"docker.io/library/imported:1\"],\"Layers\":[\"{layer}\"]}}]", manifest);
        Assert.Contains("\"imported\":{\"1\":", Encoding.UTF8.GetString(files["repositories"]));
    }

    [Fact]
    public async Task Oci_archive_keeps_the_stored_blobs_and_names_the_image_in_annotations()
    {
        var image = await ImportAsync(_source);
        var files = Files(await SaveAsync(_source, ArchiveFormat.OciArchive, new SaveItem(image, image.Names[0])));
        Assert.Equal("{\"imageLayoutVersion\":\"1.0.0\"}", Encoding.UTF8.GetString(files["oci-layout"]));
        Assert.Equal(image.Layers[0].Size, files["blobs/sha256/" + image.Layers[0].Digest[7..]].Length);
        string index = Encoding.UTF8.GetString(files["index.json"]);
        Assert.Contains("\"io.containerd.image.name\":\"docker.io/library/imported:1\"", index);
        Assert.Contains("\"org.opencontainers.image.ref.name\":\"1\"", index);
        Assert.Contains(image.ManifestDigest, index);
    }

    [Fact]
    public async Task An_image_saved_by_id_loads_without_a_name()
    {
        var image = await ImportAsync(_source);
        var result = await LoadAsync(_target, await SaveAsync(_source, ArchiveFormat.DockerArchive, new SaveItem(image, null)));
        Assert.Empty(result.Images[0].Names);
        Assert.Empty(_target.Get(image.Id).Names);
    }

    [Fact]
    public async Task Gzipped_archive_and_gzipped_layers_load()
    {
        var image = await ImportAsync(_source);
        byte[] archive = await SaveAsync(_source, ArchiveFormat.DockerArchive, new SaveItem(image, image.Names[0]));
        byte[] gzippedLayers = Rewrite(archive, (name, content) => name.EndsWith(".tar") ? TestImage.Gzip(content) : content);
        var result = await LoadAsync(_target, TestImage.Gzip(gzippedLayers));
        Assert.Equal(image.Id, result.Images[0].Image.Id);
        Assert.Equal(Berth.Images.Manifest.MediaTypes.OciLayerGzip, result.Images[0].Image.Layers[0].MediaType);
        Assert.True(_target.Layers.Exists(image.DiffIds[0]));
    }

    [Fact]
    public async Task Loading_an_image_already_present_only_adds_its_names()
    {
        var image = await ImportAsync(_source);
        byte[] archive = await SaveAsync(_source, ArchiveFormat.OciArchive, new SaveItem(image, image.Names[0]));
        _source.Tag(image.Id, "other:2");
        _source.Tag(image.Id, "docker.io/library/imported:1");
        await new ImageStore(_a.Path).RemoveAsync("imported:1", force: false, default);
        var result = await LoadAsync(_source, archive);
        Assert.Equal(image.ManifestDigest, result.Images[0].Image.ManifestDigest);
        Assert.Equal(["docker.io/library/other:2", "docker.io/library/imported:1"], _source.Get(image.Id).Names);
    }
}
