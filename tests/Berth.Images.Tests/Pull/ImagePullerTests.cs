using System.Net;
using Berth.Images.Content;
using Berth.Images.Distribution;
using Berth.Images.Manifest;
using Berth.Images.Pull;
using Berth.Images.Reference;
using Berth.Images.Tests.Fakes;

namespace Berth.Images.Tests.Pull;

public class ImagePullerTests : IDisposable
{
    private readonly FakeRegistry _registry = new();
    private readonly TempDirectory _root = new();
    private readonly ImageStore _store;

    public ImagePullerTests() => _store = new ImageStore(_root.Path);

    public void Dispose() => _root.Dispose();

    private Task<PullResult> Pull(string tag, string platform = "linux/amd64") =>
        new ImagePuller(new RegistryClient(new RegistryOptions { Handler = _registry }), _store)
            .PullAsync(ImageReference.Parse($"{FakeRegistry.Host}/{TestImage.Repository}:{tag}"), Platform.Parse(platform), null, default);

    private string[] StoreFiles() => Directory.GetFiles(Path.Combine(_store.Directory, "blobs"), "*", SearchOption.AllDirectories);

    [Fact]
    public async Task Pulls_the_platform_manifest_from_an_index_and_records_the_image()
    {
        var index = TestImage.AddIndex(_registry, "multi");
        var result = await Pull("multi", "linux/arm64/v8");
        Assert.False(result.UpToDate);
        Assert.Equal(index, result.Digest);
        Assert.Equal("arm64", result.Image.Platform!.Architecture);
        Assert.Equal(["registry.example/library/busybox:multi"], _store.List().Single().Names);
        Assert.All(result.Image.BlobDigests(), d => Assert.True(_store.Content.Has(Digest.Parse(d))));
        Assert.Equal("arm64", _store.ReadConfig(result.Image).Architecture);
    }

    [Fact]
    public async Task Second_pull_is_one_manifest_request()
    {
        TestImage.AddIndex(_registry, "multi");
        await Pull("multi");
        _registry.Requests.Clear();
        var again = await Pull("multi");
        Assert.True(again.UpToDate);
        Assert.Single(_registry.Requests);
        Assert.Contains("/manifests/multi", _registry.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task Shared_layers_are_not_fetched_twice()
    {
        var image = TestImage.AddManifest(_registry, "a");
        await Pull("a");
        _registry.Requests.Clear();
        _registry.AddManifest(TestImage.Repository, "b", _registry.ManifestBytes(TestImage.Repository, image.Manifest.ToString()), MediaTypes.OciManifest);
        var again = await Pull("b");
        Assert.True(again.UpToDate);
        Assert.Equal(0, _registry.Count("/blobs/"));
        Assert.Equal(2, _store.List().Single().Names.Count);
    }

    [Fact]
    public async Task Missing_platform_fails_before_anything_is_stored()
    {
        TestImage.AddIndex(_registry, "multi");
        var e = await Assert.ThrowsAsync<RegistryException>(() => Pull("multi", "linux/s390x"));
        Assert.Equal(RegistryErrorKind.PlatformNotFound, e.Kind);
        Assert.Empty(_store.List());
        Assert.Empty(StoreFiles());
    }

    [Fact]
    public async Task Corrupt_layer_leaves_no_image_and_no_partial_blob()
    {
        var image = TestImage.AddManifest(_registry, "bad", layerSize: 5000);
        var layer = Digest.Sha256(image.Layer).ToString();
        _registry.Override = r => r.RequestUri!.AbsolutePath.EndsWith(layer) ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[image.Layer.Length]) } : null;
        var e = await Assert.ThrowsAsync<RegistryException>(() => Pull("bad"));
        Assert.Equal(RegistryErrorKind.DigestMismatch, e.Kind);
        Assert.Empty(_store.List());
        Assert.DoesNotContain(StoreFiles(), f => Path.GetFileName(f).StartsWith(".tmp") || f.EndsWith(layer[7..]));
        _registry.Override = null;
        Assert.False((await Pull("bad")).UpToDate);
    }

    [Fact]
    public async Task Rmi_and_prune_collect_unreferenced_blobs()
    {
        TestImage.AddManifest(_registry, "a");
        TestImage.AddManifest(_registry, "b");
        await Pull("a");
        await Pull("b");
        Assert.Equal(6, StoreFiles().Length);
        var report = await _store.RemoveAsync($"{FakeRegistry.Host}/{TestImage.Repository}:a", force: false, default);
        Assert.Single(report.Deleted);
        Assert.Equal(3, report.BlobsRemoved);
        Assert.Equal(3, StoreFiles().Length);
        _store.Tag($"{FakeRegistry.Host}/{TestImage.Repository}:b", "other:1");
        await _store.RemoveAsync("other:1", force: false, default);
        Assert.Single(_store.List());
        var prune = await _store.PruneAsync(all: true, inUse: null, default);
        Assert.Single(prune.Deleted);
        Assert.Empty(StoreFiles());
    }

    [Fact]
    public async Task Removing_by_id_with_several_names_needs_force()
    {
        TestImage.AddManifest(_registry, "a");
        var pulled = await Pull("a");
        _store.Tag(pulled.Image.Id, "second:tag");
        var e = await Assert.ThrowsAsync<ImageStoreException>(() => _store.RemoveAsync(pulled.Image.Id[7..19], force: false, default));
        Assert.Contains("must be forced", e.Message);
        Assert.Equal(2, (await _store.RemoveAsync(pulled.Image.Id, force: true, default)).Untagged.Count);
    }

    [Fact]
    public async Task Reference_counts_count_images_per_blob()
    {
        var image = TestImage.AddManifest(_registry, "a");
        await Pull("a");
        Assert.Equal(1, _store.ReferenceCounts()[Digest.Sha256(image.Layer).ToString()]);
    }

    [Fact]
    public async Task Pull_unpacks_each_layer_under_its_diff_id()
    {
        TestImage.AddManifest(_registry, "a");
        var result = await Pull("a");
        string diffId = Assert.Single(result.Image.DiffIds);
        Assert.True(_store.Layers.Exists(diffId));
        Assert.Equal(3000, new FileInfo(Path.Combine(_store.Layers.PathOf(diffId), "data")).Length);
        Assert.Equal([diffId], await _store.EnsureLayersAsync(result.Image, default));
    }

    [Fact]
    public async Task A_missing_layer_directory_is_unpacked_again_from_the_stored_blob()
    {
        TestImage.AddManifest(_registry, "a");
        var first = await Pull("a");
        _store.Layers.Remove(first.Image.DiffIds[0]);
        _registry.Requests.Clear();
        var again = await Pull("a");
        Assert.False(again.UpToDate);
        Assert.Equal(0, _registry.Count("/blobs/sha256:" + again.Image.Layers[0].Digest[7..]));
        Assert.True(_store.Layers.Exists(first.Image.DiffIds[0]));
    }

    [Fact]
    public async Task A_layer_that_does_not_match_its_diff_id_fails_and_records_nothing()
    {
        TestImage.AddManifest(_registry, "bad", diffId: "sha256:" + new string('a', 64));
        var e = await Assert.ThrowsAsync<Berth.Storage.LayerUnpackException>(() => Pull("bad"));
        Assert.Contains("does not match its diff ID", e.Message);
        Assert.Empty(_store.List());
        Assert.Empty(_store.Layers.List());
        Assert.Empty(Directory.GetFileSystemEntries(_store.Layers.LayersDirectory));
    }

    [Fact]
    public async Task Layer_directories_are_reference_counted_by_diff_id()
    {
        var a = TestImage.AddManifest(_registry, "a");
        TestImage.AddManifest(_registry, "b");
        _registry.AddManifest(TestImage.Repository, "a2", _registry.ManifestBytes(TestImage.Repository, a.Manifest.ToString()), MediaTypes.OciManifest);
        var first = await Pull("a");
        var second = await Pull("b");
        await Pull("a2");
        Assert.Equal(2, _store.Layers.List().Count);
        await _store.RemoveAsync($"{FakeRegistry.Host}/{TestImage.Repository}:a", force: false, default);
        Assert.True(_store.Layers.Exists(first.Image.DiffIds[0]), "still named by :a2");
        var report = await _store.RemoveAsync($"{FakeRegistry.Host}/{TestImage.Repository}:a2", force: false, default);
        Assert.Equal(1, report.LayersRemoved);
        Assert.Equal(second.Image.DiffIds, _store.Layers.List());
        _store.LayersInUse = () => new HashSet<string>(second.Image.DiffIds);
        await _store.PruneAsync(all: true, inUse: null, default);
        Assert.Equal(second.Image.DiffIds, _store.Layers.List());
    }
}
